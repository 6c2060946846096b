#include "pdflayout.h"

#include "pdftext.h"

#include <pango/pangocairo.h>

#include <cmath>

namespace fo {

namespace {

double span(const QVector<LineBox> &lines, int first, int end)
{
    return lines.at(end - 1).bottom - lines.at(first).top;
}

/// How many lines of `b`, from `first`, go on a page with `room` points left, keeping at least
/// two lines together at either side of a break. 0: move the block to the next page.
int linesThatFit(const FlowBlock &b, int first, double room, bool pageIsEmpty)
{
    const int n = b.lines.size();
    int k = 0;
    while (first + k < n && span(b.lines, first, first + k + 1) <= room + 0.01) {
        ++k;
    }
    if (first + k == n) {
        return k;
    }
    if (!pageIsEmpty) {
        if (b.keepWithNext || n - first < 4) {
            return 0;
        }
        k = qMin(k, n - first - 2); // no widow on the next page
        if (k < 2) {
            return 0; // no orphan at the foot of this one
        }
    }
    return qMax(k, 1); // an empty page takes what fits, however awkward, so the flow ends
}

/// The room a heading needs below it: any headings that follow, then two lines of text. Looks
/// no further than `limit` points (a page): beyond that the answer is "more than a page".
double keepHeight(const QVector<FlowBlock> &blocks, int i, double limit)
{
    double need = 0;
    for (int j = i + 1; j < blocks.size() && need <= limit; ++j) {
        const FlowBlock &next = blocks.at(j);
        if (next.kind == FlowBlock::Kind::PageBreak) {
            break;
        }
        if (next.kind == FlowBlock::Kind::Rule) {
            need += next.spaceBefore + next.ruleThickness;
            continue;
        }
        const int n = next.lines.size();
        need += next.spaceBefore + span(next.lines, 0, next.keepWithNext ? n : qMin(2, n));
        if (!next.keepWithNext) {
            break;
        }
        need += next.spaceAfter;
    }
    return need;
}

/// The room the block after a conditional break needs on the same page: all of it when it
/// keeps with what follows (a headline with its standfirst and first lines), else two lines.
double startHeight(const QVector<FlowBlock> &blocks, int i, double limit)
{
    if (i + 1 >= blocks.size() || blocks.at(i + 1).kind != FlowBlock::Kind::Text) {
        return 0;
    }
    const FlowBlock &next = blocks.at(i + 1);
    const int n = next.lines.size();
    if (!next.keepWithNext) {
        return next.spaceBefore + span(next.lines, 0, qMin(2, n));
    }
    return next.spaceBefore + span(next.lines, 0, n) + next.spaceAfter +
           keepHeight(blocks, i + 1, limit);
}

/// Whether a conditional break lets the flow go on on this page (`y` points used of `height`).
bool staysOnPage(const QVector<FlowBlock> &blocks, int i, double y, double height)
{
    const FlowBlock &b = blocks.at(i);
    if (b.needsRoom <= 0 || y <= 0) {
        return false;
    }
    const double room = height - y;
    const double separator = b.spaceBefore + b.ruleThickness + b.spaceAfter;
    return room >= b.needsRoom && room >= separator + startHeight(blocks, i, height);
}

void drawLinks(cairo_t *cr, const FlowBlock &b, const Placement &p, double x0, double origin)
{
    for (const LayoutLink &link : b.links) {
        QByteArray rects;
        for (int i = p.firstLine; i < p.endLine; ++i) {
            PangoLayoutLine *line = b.lines.at(i).line;
            const int from = qMax(link.start, line->start_index);
            const int to = qMin(link.end, line->start_index + line->length);
            if (from >= to) {
                continue;
            }
            int a = 0;
            int z = 0;
            pango_layout_line_index_to_x(line, from, 0, &a);
            pango_layout_line_index_to_x(line, to, 0, &z);
            const LineBox &box = b.lines.at(i);
            const double left = x0 + box.x + double(qMin(a, z)) / PANGO_SCALE;
            rects += QByteArray::number(left, 'f', 2) + ' ' +
                     QByteArray::number(origin + box.top, 'f', 2) + ' ' +
                     QByteArray::number(std::abs(z - a) / double(PANGO_SCALE), 'f', 2) + ' ' +
                     QByteArray::number(box.bottom - box.top, 'f', 2) + ' ';
        }
        if (rects.isEmpty()) {
            continue;
        }
        const QByteArray attributes =
            "uri=" + cairoQuoted(link.href) + " rect=[" + rects.trimmed() + ']';
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.constData());
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
}

void drawLeader(cairo_t *cr, const FlowBlock &b, const Placement &p, double x0, double origin,
                double right)
{
    const int last = p.endLine - 1;
    PangoLayoutLine *line = b.lines.at(last).line;
    PangoRectangle logical;
    pango_layout_line_get_extents(line, nullptr, &logical);
    const double from = x0 + b.lines.at(last).x + double(logical.width) / PANGO_SCALE + 6;
    const double to = right - PangoText::width(b.trailing.get()) - 6;
    if (to - from < 12) {
        return;
    }
    const double y = origin + b.lines.at(last).baseline;
    cairo_save(cr);
    const double dots[] = {0.01, 3.2};
    cairo_set_dash(cr, dots, 2, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_width(cr, 0.9);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_move_to(cr, from, y);
    cairo_line_to(cr, to, y);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void drawText(cairo_t *cr, const FlowBlock &b, const Placement &p, double left, double top,
              double width)
{
    const double x0 = left + b.indent;
    const double origin = top + p.y - b.lines.at(p.firstLine).top;
    for (int i = p.firstLine; i < p.endLine; ++i) {
        const LineBox &box = b.lines.at(i);
        cairo_move_to(cr, x0 + box.x, origin + box.baseline);
        pango_cairo_show_layout_line(cr, box.line);
    }
    if (b.marker && p.firstLine == 0) {
        const double w = PangoText::width(b.marker.get());
        // A right-to-left item has its marker on the right, hanging past the text as on the
        // left for others: so the editor and the HTML (a <li dir="rtl">) show it too.
        const bool rtl = b.lines.at(0).line->resolved_dir == PANGO_DIRECTION_RTL;
        const double right = x0 + double(pango_layout_get_width(b.layout.get())) / PANGO_SCALE;
        cairo_move_to(cr, rtl ? right + 7 : x0 - 7 - w, origin + b.lines.at(0).baseline);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.marker.get(), 0));
    }
    if (b.trailing && p.endLine == b.lines.size()) {
        if (b.dottedLeader) {
            drawLeader(cr, b, p, x0, origin, left + width);
        }
        const double w = PangoText::width(b.trailing.get());
        cairo_move_to(cr, left + width - w, origin + b.lines.at(p.endLine - 1).baseline);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.trailing.get(), 0));
    }
    if (b.linkPage > 0) {
        // A named destination rather than "page=": Cairo 1.16 drops links to pages it has not
        // written yet, and the contents come before the stories.
        const QByteArray attributes =
            "dest=" + cairoQuoted(pageDestination(b.linkPage)) + " rect=[" +
            QByteArray::number(left, 'f', 2) + ' ' + QByteArray::number(top + p.y, 'f', 2) + ' ' +
            QByteArray::number(width, 'f', 2) + ' ' + QByteArray::number(p.height, 'f', 2) + ']';
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.constData());
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
    drawLinks(cr, b, p, x0, origin);
}

} // namespace

QVector<PageFlow> paginate(QVector<FlowBlock> &blocks, double height)
{
    QVector<PageFlow> pages(1);
    double y = 0;
    auto newPage = [&pages, &y] {
        pages.append(PageFlow());
        y = 0;
    };
    for (FlowBlock &b : blocks) {
        if (b.kind == FlowBlock::Kind::Text && b.lines.isEmpty()) {
            b.lines = PangoText::lines(b.layout.get());
        }
    }
    for (int i = 0; i < blocks.size(); ++i) {
        const FlowBlock &b = blocks.at(i);
        if (b.kind == FlowBlock::Kind::PageBreak) {
            if (staysOnPage(blocks, i, y, height)) {
                pages.last().placements.append(
                    Placement{i, 0, 0, y + b.spaceBefore, b.ruleThickness});
                y += b.spaceBefore + b.ruleThickness + b.spaceAfter;
                continue;
            }
            if (!pages.constLast().placements.isEmpty()) {
                newPage();
            }
            continue;
        }
        if (b.kind == FlowBlock::Kind::Rule) {
            const double before = y > 0 ? b.spaceBefore : 0;
            const double keep = b.keepWithNext ? b.spaceAfter + keepHeight(blocks, i, height) : 0;
            if (y + before + b.ruleThickness + keep > height) {
                newPage();
                continue; // a rule at the top of a page separates nothing
            }
            pages.last().placements.append(Placement{i, 0, 0, y + before, b.ruleThickness});
            y += before + b.ruleThickness + b.spaceAfter;
            continue;
        }
        const int n = b.lines.size();
        if (b.keepWithNext && y > 0 &&
            y + b.spaceBefore + span(b.lines, 0, n) + b.spaceAfter + keepHeight(blocks, i, height) >
                height) {
            newPage();
        }
        int first = 0;
        while (first < n) {
            const double before = (y > 0 && first == 0) ? b.spaceBefore : 0;
            const int k = linesThatFit(b, first, height - y - before, y == 0);
            if (k == 0) {
                newPage();
                continue;
            }
            const double h = span(b.lines, first, first + k);
            pages.last().placements.append(Placement{i, first, first + k, y + before, h});
            y += before + h;
            first += k;
            if (first < n) {
                newPage();
            }
        }
        y += b.spaceAfter;
    }
    return pages;
}

void drawPage(cairo_t *cr, const QVector<FlowBlock> &blocks, const PageFlow &page, double left,
              double top, double width)
{
    for (int k = 0; k < page.placements.size(); ++k) {
        const Placement &p = page.placements.at(k);
        const FlowBlock &b = blocks.at(p.block);
        double barBottom = p.height;
        if (b.barsContinue && k + 1 < page.placements.size()) {
            barBottom = page.placements.at(k + 1).y - p.y; // reach the next block of the quote
        }
        for (const double x : b.bars) {
            cairo_set_source_rgb(cr, 0.78, 0.78, 0.78);
            cairo_rectangle(cr, left + x, top + p.y, 2.0, barBottom);
            cairo_fill(cr);
        }
        if (b.kind == FlowBlock::Kind::Rule || b.kind == FlowBlock::Kind::PageBreak) {
            const double length = b.ruleLength > 0 ? b.ruleLength : width - b.indent;
            cairo_set_source_rgb(cr, ((b.ruleRgb >> 16) & 0xff) / 255.0,
                                 ((b.ruleRgb >> 8) & 0xff) / 255.0, (b.ruleRgb & 0xff) / 255.0);
            cairo_rectangle(cr, left + b.indent, top + p.y, length, b.ruleThickness);
            cairo_fill(cr);
        } else if (b.kind == FlowBlock::Kind::Text) {
            drawText(cr, b, p, left, top, width);
        }
    }
}

QString pageDestination(int page)
{
    return QStringLiteral("page-%1").arg(page);
}

void addPageDestination(cairo_t *cr, int page)
{
    const QByteArray attributes = "name=" + cairoQuoted(pageDestination(page)) + " x=0 y=0";
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.constData());
    cairo_tag_end(cr, CAIRO_TAG_DEST);
}

QByteArray cairoQuoted(const QString &text)
{
    QByteArray out = "'";
    for (const char c : pdfSafeText(text).toUtf8()) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + '\'';
}

} // namespace fo
