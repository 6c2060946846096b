#include "pangotext.h"

#include "pdftext.h"

#include <pango/pangocairo.h>

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
    if (mFontset) {
        g_object_unref(mFontset);
    }
    g_object_unref(mContext);
}

bool PangoText::fontHas(char32_t c) const
{
    const auto known = mCoverage.constFind(c);
    if (known != mCoverage.constEnd()) {
        return known.value();
    }
    if (!mFontset) {
        PangoFontDescription *font = pango_font_description_new();
        pango_font_description_set_family_static(font, familyList(TextStyle::Face::Serif));
        pango_font_description_set_size(font, units(10));
        mFontset = pango_font_map_load_fontset(pango_context_get_font_map(mContext), mContext, font,
                                               pango_language_from_string("und"));
        pango_font_description_free(font);
    }
    bool has = false;
    if (mFontset) {
        PangoFont *f = pango_fontset_get_font(mFontset, guint(c));
        has = f && pango_font_has_char(f, gunichar(c));
        if (f) {
            g_object_unref(f);
        }
    }
    mCoverage.insert(c, has);
    return has;
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
    const QByteArray utf8 = drawable(text).toUtf8();
    pango_layout_set_text(l.get(), utf8.constData(), utf8.size());
    PangoAttrList *attrs = pango_attr_list_new();
    addBaseAttributes(attrs, style, language);
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
    QByteArray utf8;
    for (const TextRun &run : runs) {
        const int start = utf8.size();
        utf8 += drawable(run.text).toUtf8();
        const int end = utf8.size();
        if (start == end) {
            continue;
        }
        addRunAttributes(attrs, run, style, start, end);
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
