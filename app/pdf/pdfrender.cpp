#include "pdfrender.h"

#include "export/htmlexporter.h"
#include "pdflayout.h"
#include "pdfsurface.h"
#include "storyflow.h"

#include <QDateTime>

#include <pango/pangocairo.h>

#include <cmath>

namespace fo {

namespace {

void showFirstLine(cairo_t *cr, PangoLayout *layout, double x, double baseline)
{
    cairo_move_to(cr, x, baseline);
    pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(layout, 0));
}

/// A header text cut to `width` with an ellipsis, so that a long headline never runs into the
/// text on the other side.
LayoutPtr headerLayout(const PangoText &text, const QString &s, double width)
{
    LayoutPtr l = text.layout(s, house::pageFurniture(), width, QStringLiteral("und"));
    pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
    return l;
}

/// The big diagonal mark, drawn as outlines rather than text: journalists copying a quote out of
/// a draft should not get "DRAFT" in the middle of it. The same words are real text at the top.
void drawDraftWatermark(cairo_t *cr, const PangoText &text, const PageGeometry &g)
{
    TextStyle style;
    style.face = TextStyle::Face::Sans;
    style.bold = true;
    style.size = 50;
    style.letterSpacing = 2;
    LayoutPtr l = text.layout(draftMarkText(), style, 0, QStringLiteral("en"));
    const double w = PangoText::width(l.get());
    const double h = PangoText::height(l.get());
    cairo_save(cr);
    cairo_translate(cr, g.width / 2, g.height / 2);
    cairo_rotate(cr, -std::atan2(g.height, g.width));
    const double scale = qMin(1.0, (std::hypot(g.width, g.height) * 0.7) / w);
    cairo_scale(cr, scale, scale);
    cairo_move_to(cr, -w / 2, -h / 2);
    pango_cairo_layout_path(cr, l.get());
    cairo_set_source_rgba(cr, 0.70, 0.10, 0.10, 0.11);
    cairo_fill(cr);
    cairo_restore(cr);
}

} // namespace

PageGeometry pageGeometry(PageSize size)
{
    PageGeometry g;
    if (size == PageSize::Letter) {
        g.width = 612;
        g.height = 792;
    }
    // About 75 characters to the line at the body size: comfortable, and room for the furniture.
    g.left = g.right = 76;
    g.top = 80;
    g.bottom = 76;
    return g;
}

void drawPageFrame(cairo_t *cr, const PangoText &text, const PageGeometry &g,
                   const PageFrame &frame, int page, int pageCount)
{
    if (frame.draft) {
        drawDraftWatermark(cr, text, g);
    }
    const double headerBaseline = g.top - 30;
    if (frame.draft) {
        TextStyle mark = house::kicker();
        mark.size = 8.5;
        mark.align = TextStyle::Align::Centre;
        LayoutPtr l = text.layout(draftMarkText(), mark, g.textWidth(), QStringLiteral("en"));
        showFirstLine(cr, l.get(), g.left + PangoText::lines(l.get()).constFirst().x,
                      headerBaseline - 16);
    }
    if (frame.header && (!frame.headerLeft.isEmpty() || !frame.headerRight.isEmpty())) {
        const double half = g.textWidth() / 2 - 8;
        LayoutPtr left = headerLayout(text, frame.headerLeft, half);
        showFirstLine(cr, left.get(), g.left, headerBaseline);
        LayoutPtr right = headerLayout(text, frame.headerRight, half);
        showFirstLine(cr, right.get(), g.left + g.textWidth() - PangoText::width(right.get()),
                      headerBaseline);
        cairo_set_source_rgb(cr, 0.80, 0.80, 0.80);
        cairo_rectangle(cr, g.left, headerBaseline + 6, g.textWidth(), 0.5);
        cairo_fill(cr);
    }
    if (!frame.folio) {
        return;
    }
    const QString number = QStringLiteral("Page %1 of %2").arg(page).arg(pageCount);
    LayoutPtr footer = text.layout(number, house::pageFurniture(), 0, QStringLiteral("en"));
    showFirstLine(cr, footer.get(), (g.width - PangoText::width(footer.get())) / 2,
                  g.height - g.bottom + 40);
}

Status renderStoryPdf(const Story &story, const QString &path, const PdfOptions &options)
{
    const PageGeometry g = pageGeometry(options.pageSize);
    PangoText text;
    QVector<FlowBlock> blocks = storyFlow(story, text, g.textWidth());
    const QVector<PageFlow> pages = paginate(blocks, g.textHeight());
    if (options.progress && !options.progress(0, pages.size())) {
        return Refusal(RefusalKind::ExportCancelled);
    }
    PdfSurface pdf;
    if (Status opened = pdf.open(path, g); !opened) {
        return opened;
    }
    pdf.setMetadata(PdfSurface::Metadata::Title, story.headline);
    pdf.setMetadata(PdfSurface::Metadata::Author,
                    story.byline.isEmpty() ? options.organisation : story.byline);
    pdf.setMetadata(PdfSurface::Metadata::Subject, story.summary);
    pdf.setMetadata(PdfSurface::Metadata::Creator,
                    QStringLiteral("Field Office %1").arg(QStringLiteral(FO_VERSION)));
    pdf.setMetadata(PdfSurface::Metadata::CreateDate,
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    PageFrame frame;
    frame.headerLeft = options.organisation;
    frame.draft = options.draft;
    for (int i = 0; i < pages.size(); ++i) {
        // The first page shows the headline in full; later ones name it in the header.
        frame.headerRight = i == 0 ? QString() : story.headline;
        drawPageFrame(pdf.cr(), text, g, frame, i + 1, pages.size());
        drawPage(pdf.cr(), blocks, pages.at(i), g.left, g.top, g.textWidth());
        pdf.showPage();
        if (options.progress && !options.progress(i + 1, pages.size())) {
            return Refusal(RefusalKind::ExportCancelled);
        }
    }
    return pdf.finish();
}

} // namespace fo
