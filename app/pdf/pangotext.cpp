#include "pangotext.h"

#include "pdftext.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include <algorithm>

namespace fo {

namespace {

// Fontconfig would fall back on its own, but naming the fallbacks keeps every machine with
// fonts-noto-core choosing the same faces for Bengali and Tamil.
const char *familyList(TextStyle::Face face)
{
    switch (face) {
    case TextStyle::Face::Sans:
        return "Noto Sans,Noto Sans Bengali,Noto Sans Tamil,sans-serif";
    case TextStyle::Face::Mono:
        return "Noto Sans Mono,DejaVu Sans Mono,Noto Sans Bengali,Noto Sans Tamil,monospace";
    case TextStyle::Face::Serif:
        break;
    }
    return "Noto Serif,Noto Sans Bengali,Noto Sans Tamil,serif";
}

// The face for emoji in the PDF. A colour emoji font (Noto Color Emoji, which the window uses)
// cannot serve here: Cairo 1.16 paints colour glyphs as pictures and drops their text, so the
// emoji would vanish from the text a journalist copies. Symbola draws them in outline, as text.
constexpr const char *kEmojiFamily = "Symbola";

int units(double points)
{
    return int(points * PANGO_SCALE + 0.5);
}

guint16 channel(unsigned rgb, int shift)
{
    return guint16(((rgb >> shift) & 0xff) * 257);
}

void addAttribute(PangoAttrList *list, PangoAttribute *a, int start, int end)
{
    a->start_index = guint(start);
    a->end_index = guint(end);
    pango_attr_list_insert(list, a); // takes ownership
}

/// Attributes every layout carries: language (shaping and line breaking), no automatic
/// hyphens (a press text must read back exactly), colour and spacing.
void addBaseAttributes(PangoAttrList *list, const TextStyle &style, const QString &language)
{
    const QByteArray lang = language.toLatin1();
    addAttribute(list, pango_attr_language_new(pango_language_from_string(lang.constData())), 0,
                 G_MAXINT);
    addAttribute(list, pango_attr_insert_hyphens_new(FALSE), 0, G_MAXINT);
    addAttribute(list,
                 pango_attr_foreground_new(channel(style.rgb, 16), channel(style.rgb, 8),
                                           channel(style.rgb, 0)),
                 0, G_MAXINT);
    if (style.letterSpacing != 0) {
        addAttribute(list, pango_attr_letter_spacing_new(units(style.letterSpacing)), 0, G_MAXINT);
    }
}

int utf8Length(char32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/// Joiners, presentation selectors, keycaps and tags that belong to the emoji before them.
bool joinsEmoji(char32_t c)
{
    return c == 0x200D || c == 0xFE0E || c == 0xFE0F || c == 0x20E3 ||
           (c >= 0xE0020 && c <= 0xE007F);
}

/// Whether `font` draws in colour (a bitmap emoji font), which Cairo 1.16 cannot put in the
/// PDF's text layer.
bool isColourFont(PangoFont *font)
{
    if (!PANGO_IS_FC_FONT(font)) {
        return false;
    }
    FcBool colour = FcFalse;
    return FcPatternGetBool(pango_fc_font_get_pattern(PANGO_FC_FONT(font)), FC_COLOR, 0, &colour) ==
               FcResultMatch &&
           colour;
}

bool drawsInOutline(PangoFont *font, char32_t c)
{
    return font && pango_font_has_char(font, gunichar(c)) && !isColourFont(font);
}

/// The outline emoji face on bytes [start, end), with no fallback: with fallback, Pango's
/// itemizer would choose a colour font for emoji whatever family is named.
void addEmojiFace(PangoAttrList *list, int start, int end)
{
    addAttribute(list, pango_attr_family_new(kEmojiFamily), start, end);
    addAttribute(list, pango_attr_fallback_new(FALSE), start, end);
}

/// Pictographs that Pango shows as emoji: the emoji blocks of plane 1, and the symbols and
/// dingbats of the BMP that have emoji forms.
bool isPictograph(char32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2300 && c <= 0x23FF) ||
           (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF);
}

bool isEmojiFamily(PangoFont *font)
{
    PangoFontDescription *d = pango_font_describe(font);
    const bool emoji = qstrcmp(pango_font_description_get_family(d), kEmojiFamily) == 0;
    pango_font_description_free(d);
    return emoji;
}

void addRunAttributes(PangoAttrList *list, const TextRun &run, const TextStyle &style, int start,
                      int end)
{
    if (run.flags & (TextRun::Bold | TextRun::Dateline)) {
        addAttribute(list, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
    }
    if (run.flags & TextRun::Italic) {
        addAttribute(list, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
    }
    if (run.flags & TextRun::Dateline) {
        addAttribute(list, pango_attr_letter_spacing_new(units(0.35)), start, end);
    }
    if (run.flags & TextRun::Code) {
        addAttribute(list, pango_attr_family_new(familyList(TextStyle::Face::Mono)), start, end);
        addAttribute(list, pango_attr_size_new(units(style.size * 0.88)), start, end);
    }
    if (!run.href.isEmpty()) {
        addAttribute(list, pango_attr_foreground_new(0x1a * 257, 0x4f * 257, 0x8a * 257), start,
                     end);
    }
}

/// A right-to-left mark in front of a paragraph whose own text is right to left but whose
/// dateline ("GULU, UGANDA –", in Latin letters) would make Pango set it left to right. The
/// editor shows the dateline in a field of its own and the paragraph right to left; the HTML
/// says dir="rtl" for it (htmlexporter.cpp): the PDF follows. The mark draws nothing.
QByteArray directionMark(const Inlines &runs)
{
    if (runs.isEmpty() || !(runs.constFirst().flags & TextRun::Dateline)) {
        return QByteArray();
    }
    QString own;
    for (const TextRun &run : runs) {
        if (!(run.flags & TextRun::Dateline)) {
            own += run.text;
        }
    }
    return own.isRightToLeft() ? QStringLiteral("\u200F").toUtf8() : QByteArray();
}

} // namespace

PangoText::PangoText()
{
    // The default font map is per thread and kept for the thread's life: fonts are opened once.
    PangoFontMap *map = pango_cairo_font_map_get_default();
    mContext = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(mContext, 72.0); // one Pango point = one PDF unit
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(mContext, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(mContext, FALSE);
}

PangoText::~PangoText()
{
    if (mEmojiFont) {
        g_object_unref(mEmojiFont);
    }
    if (mFontset) {
        g_object_unref(mFontset);
    }
    g_object_unref(mContext);
}

PangoText::Faces PangoText::faces(char32_t c) const
{
    const auto known = mFaces.constFind(c);
    if (known != mFaces.constEnd()) {
        return known.value();
    }
    if (!mFontset) {
        PangoFontDescription *font = pango_font_description_new();
        pango_font_description_set_family_static(font, familyList(TextStyle::Face::Serif));
        pango_font_description_set_size(font, units(10));
        PangoFontMap *map = pango_context_get_font_map(mContext);
        mFontset =
            pango_font_map_load_fontset(map, mContext, font, pango_language_from_string("und"));
        pango_font_description_set_family_static(font, kEmojiFamily);
        mEmojiFont = pango_font_map_load_font(map, mContext, font);
        pango_font_description_free(font);
    }
    Faces has;
    PangoFont *f = mFontset ? pango_fontset_get_font(mFontset, guint(c)) : nullptr;
    has.body = drawsInOutline(f, c) && !isEmojiFamily(f);
    has.emoji = drawsInOutline(mEmojiFont, c);
    if (f) {
        g_object_unref(f);
    }
    mFaces.insert(c, has);
    return has;
}

bool PangoText::fontHas(char32_t c) const
{
    const Faces f = faces(c);
    // Pictographs go to the emoji face or nowhere: left to fontconfig, Pango would choose a
    // colour font for them, whose glyphs reach the PDF without their text.
    return isPictograph(c) ? f.emoji : f.body || f.emoji;
}

void PangoText::addEmojiFaces(PangoAttrList *list, const QString &text, int start) const
{
    if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x2000; })) {
        return; // no emoji, no emoji selector, and no character to ask about
    }
    const QList<uint> ucs4 = QStringView(text).toUcs4();
    int at = start;
    int from = -1; // the byte where the current emoji run began
    for (qsizetype i = 0; i < ucs4.size(); ++i) {
        const char32_t c = ucs4.at(i);
        bool emoji = from >= 0 && joinsEmoji(c);
        // An emoji selector after a character asks for its emoji form (1️⃣, ©️): Pango would
        // take a colour font for it. Otherwise, below U+2000 every character has a face of the body
        // fonts: no need to ask.
        const bool presented =
            i + 1 < ucs4.size() && (ucs4.at(i + 1) == 0xFE0F || ucs4.at(i + 1) == 0x20E3);
        if (!emoji && (c >= 0x2000 || presented) && !joinsEmoji(c)) {
            const Faces f = faces(c);
            emoji = f.emoji && (isPictograph(c) || presented || !f.body);
        }
        if (emoji && from < 0) {
            from = at;
        } else if (!emoji && from >= 0) {
            addEmojiFace(list, from, at);
            from = -1;
        }
        at += utf8Length(c);
    }
    if (from >= 0) {
        addEmojiFace(list, from, at);
    }
}

QString PangoText::drawable(const QString &text) const
{
    return pdfSafeText(text, [this](char32_t c) { return fontHas(c); });
}

LayoutPtr PangoText::makeLayout(const TextStyle &style, double width) const
{
    LayoutPtr layout(pango_layout_new(mContext), [](PangoLayout *l) { g_object_unref(l); });
    PangoFontDescription *font = pango_font_description_new();
    pango_font_description_set_family_static(font, familyList(style.face));
    pango_font_description_set_size(font, units(style.size));
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    if (width > 0) {
        pango_layout_set_width(layout.get(), units(width));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR); // long URLs still break
    }
    pango_layout_set_line_spacing(layout.get(), float(style.lineHeight));
    switch (style.align) {
    case TextStyle::Align::Centre:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        break;
    case TextStyle::Align::Right:
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
        break;
    case TextStyle::Align::Justify:
        pango_layout_set_justify(layout.get(), TRUE);
        break;
    case TextStyle::Align::Left:
        break;
    }
    return layout;
}

LayoutPtr PangoText::layout(const QString &text, const TextStyle &style, double width,
                            const QString &language) const
{
    LayoutPtr l = makeLayout(style, width);
    const QString shown = drawable(text);
    const QByteArray utf8 = shown.toUtf8();
    pango_layout_set_text(l.get(), utf8.constData(), utf8.size());
    PangoAttrList *attrs = pango_attr_list_new();
    addBaseAttributes(attrs, style, language);
    addEmojiFaces(attrs, shown, 0);
    pango_layout_set_attributes(l.get(), attrs);
    pango_attr_list_unref(attrs);
    return l;
}

LayoutPtr PangoText::layout(const Inlines &runs, const TextStyle &style, double width,
                            const QString &language, QVector<LayoutLink> *links) const
{
    LayoutPtr l = makeLayout(style, width);
    PangoAttrList *attrs = pango_attr_list_new();
    addBaseAttributes(attrs, style, language);
    QByteArray utf8 = directionMark(runs);
    for (const TextRun &run : runs) {
        const int start = utf8.size();
        const QString shown = drawable(run.text);
        utf8 += shown.toUtf8();
        const int end = utf8.size();
        if (start == end) {
            continue;
        }
        addRunAttributes(attrs, run, style, start, end);
        addEmojiFaces(attrs, shown, start);
        if (!run.href.isEmpty() && links) {
            if (!links->isEmpty() && links->constLast().end == start &&
                links->constLast().href == run.href) {
                links->last().end = end;
            } else {
                links->append(LayoutLink{start, end, run.href});
            }
        }
    }
    pango_layout_set_text(l.get(), utf8.constData(), utf8.size());
    pango_layout_set_attributes(l.get(), attrs);
    pango_attr_list_unref(attrs);
    return l;
}

QVector<LineBox> PangoText::lines(PangoLayout *layout)
{
    QVector<LineBox> out;
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        int y0 = 0;
        int y1 = 0;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        LineBox box;
        box.top = double(y0) / PANGO_SCALE;
        box.bottom = double(y1) / PANGO_SCALE;
        box.baseline = double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
        box.x = double(logical.x) / PANGO_SCALE;
        box.line = pango_layout_iter_get_line_readonly(it);
        out.append(box);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return out;
}

double PangoText::width(PangoLayout *layout)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return double(logical.width) / PANGO_SCALE;
}

double PangoText::height(PangoLayout *layout)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return double(logical.height) / PANGO_SCALE;
}

} // namespace fo
