#pragma once

#include "export/storydocument.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <memory>

typedef struct _PangoAttrList PangoAttrList;
typedef struct _PangoContext PangoContext;
typedef struct _PangoFont PangoFont;
typedef struct _PangoFontset PangoFontset;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoLayoutLine PangoLayoutLine;

namespace fo {

/// A PangoLayout, released with g_object_unref.
using LayoutPtr = std::shared_ptr<PangoLayout>;

/// The look of one kind of text (body, headline, footer…). Sizes in points.
struct TextStyle
{
    enum class Face
    {
        Serif,
        Sans,
        Mono
    };
    enum class Align
    {
        Left,
        Centre,
        Right,
        Justify
    };
    Face face = Face::Serif;
    double size = 10.5;
    bool bold = false;
    bool italic = false;
    double lineHeight = 1.0;  // multiple of the font's natural line height
    double letterSpacing = 0; // points
    Align align = Align::Left;
    unsigned rgb = 0x1b1b1b;
};

/// A link inside a layout: UTF-8 byte range and target.
struct LayoutLink
{
    int start = 0;
    int end = 0;
    QString href;
};

/// The vertical position of each line of a layout, in points from the layout's top.
struct LineBox
{
    double top = 0;
    double bottom = 0;
    double baseline = 0;
    double x = 0; // logical left of the line (alignment offset)
    /// The line itself, owned by its layout: reached here in constant time, where
    /// pango_layout_get_line_readonly() walks the layout's list from the first line.
    PangoLayoutLine *line = nullptr;
};

/// Text layout through Pango with one shared context, so that fonts are loaded once per thread
/// and each block of text costs one PangoLayout.
///
/// Why Pango and not Qt's text engine: Pango with Cairo's PDF surface writes the text layer so
/// that Bengali conjuncts and Tamil come back from the PDF exactly as written (Qt's QPdfWriter
/// does not). Fonts are Noto Serif and Noto Sans, falling back to Noto Sans Bengali and Noto
/// Sans Tamil, chosen through fontconfig; emoji are drawn in Symbola (see kEmojiFamily).
class PangoText
{
public:
    PangoText();
    ~PangoText();
    PangoText(const PangoText &) = delete;
    PangoText &operator=(const PangoText &) = delete;

    /// Plain text in one style. `width` in points; 0 or less: no wrapping.
    LayoutPtr layout(const QString &text, const TextStyle &style, double width,
                     const QString &language) const;
    /// Styled runs (bold, italic, code, links, the dateline). Links are reported in `links`.
    LayoutPtr layout(const Inlines &runs, const TextStyle &style, double width,
                     const QString &language, QVector<LayoutLink> *links) const;

    /// Line positions of a layout.
    static QVector<LineBox> lines(PangoLayout *layout);
    /// Logical width and height of a layout, in points.
    static double width(PangoLayout *layout);
    static double height(PangoLayout *layout);

    /// `text` as the PDF can show it (pdfSafeText(), with the installed fonts asked).
    QString drawable(const QString &text) const;

private:
    /// Which faces draw `c` as text in the PDF: the body fonts (with fontconfig's fallback), the
    /// outline emoji font. A colour font never counts: Cairo 1.16 draws its glyphs as pictures
    /// without their text.
    struct Faces
    {
        bool body = false;
        bool emoji = false;
    };

    LayoutPtr makeLayout(const TextStyle &style, double width) const;
    Faces faces(char32_t c) const;
    /// Whether an installed font draws `c` as text (what Pango's fallback can reach).
    bool fontHas(char32_t c) const;
    /// Sets the emoji face on the emoji of `text`, which starts at UTF-8 byte `start`.
    void addEmojiFaces(PangoAttrList *list, const QString &text, int start) const;

    PangoContext *mContext = nullptr;
    mutable PangoFontset *mFontset = nullptr;
    mutable PangoFont *mEmojiFont = nullptr;
    mutable QHash<char32_t, Faces> mFaces;
};

} // namespace fo
