#pragma once

#include "pangotext.h"

#include <QVector>

typedef struct _cairo cairo_t;

namespace fo {

/// One block of a page flow: a paragraph, heading or list item laid out by Pango (one layout
/// per block), a rule, or a forced page break. Positions are in points, relative to the left edge
/// and top of the text area.
struct FlowBlock
{
    enum class Kind
    {
        Text,
        Rule,
        PageBreak
    };
    Kind kind = Kind::Text;
    LayoutPtr layout;
    LayoutPtr marker;   // a bullet or number, set right-aligned before the first line
    LayoutPtr trailing; // set right-aligned at the text area's right edge, on the last line
    double indent = 0;
    double spaceBefore = 0; // dropped at the top of a page
    double spaceAfter = 0;
    bool keepWithNext = false; // headings: never the last thing on a page
    QVector<double> bars;      // block quotes: x of a thin vertical bar per level
    bool barsContinue = false; // the quote goes on in the next block: bars bridge the gap
    /// Page breaks: > 0 makes the break conditional. When at least this many points are left on
    /// the page (and the block after it fits with what it keeps with), the flow goes on there,
    /// with a rule between spaceBefore and spaceAfter; otherwise a new page begins.
    double needsRoom = 0;
    double ruleLength = 0; // rules: 0 is the full width
    double ruleThickness = 0.6;
    unsigned ruleRgb = 0xc9c9c9;
    bool dottedLeader = false; // contents entries: dots from the last line to `trailing`
    QVector<LayoutLink> links; // web links inside the text
    int linkPage =
        0; // > 0: the block links to this page (contents entries); see addPageDestination
    QVector<LineBox> lines; // filled by paginate()
};

/// A block of text and the space after it; a heading keeps with what follows.
inline FlowBlock textBlock(LayoutPtr layout, double spaceAfter, bool keepWithNext = false)
{
    FlowBlock f;
    f.layout = std::move(layout);
    f.spaceAfter = spaceAfter;
    f.keepWithNext = keepWithNext;
    return f;
}

/// Where a piece of a block sits on a page: lines [firstLine, endLine) at `y` from the text top.
struct Placement
{
    int block = 0;
    int firstLine = 0;
    int endLine = 0;
    double y = 0;
    double height = 0;
};

struct PageFlow
{
    QVector<Placement> placements;
};

/// Breaks blocks into pages of `height` points, starting on a fresh page: no heading alone at
/// the foot of a page, no single line of a paragraph alone at the top or foot of a page (when
/// the paragraph has four lines or more; shorter ones move whole). A conditional page break
/// (FlowBlock::needsRoom) goes on on the same page when there is room enough.
QVector<PageFlow> paginate(QVector<FlowBlock> &blocks, double height);

/// Draws one page's placements with their text area at (left, top), `width` points wide.
/// Text goes through pango_cairo_show_layout_line, so the PDF keeps real text with its clusters.
void drawPage(cairo_t *cr, const QVector<FlowBlock> &blocks, const PageFlow &page, double left,
              double top, double width);

/// The named destination at the top of a page ("page-7"), the target of contents links.
QString pageDestination(int page);
/// Marks the current page as pageDestination(page).
void addPageDestination(cairo_t *cr, int page);

/// A Cairo tag attribute value in single quotes, with ' and \ escaped.
QByteArray cairoQuoted(const QString &text);

} // namespace fo
