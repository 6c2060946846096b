#pragma once

#include "story.h"

#include <QString>

#include <functional>
#include <optional>

typedef struct _cairo cairo_t;

namespace fo {

class PangoText;
struct PageGeometry;

enum class PageSize
{
    A4,
    Letter
};

/// "A4" or "Letter", case-insensitive.
std::optional<PageSize> parsePageSize(const QString &text);
QString pageSizeName(PageSize size);
/// The paper and the house margins for a page size.
PageGeometry pageGeometry(PageSize size);

/// Options of a PDF export.
struct PdfOptions
{
    PageSize pageSize = PageSize::A4;
    /// "DRAFT — NOT FOR RELEASE" across every page (and as text at the top of every page).
    bool draft = false;
    /// Shown in the running header and set as the PDF's author; may be empty.
    QString organisation;
    /// Called as work proceeds; returning false cancels the export and writes nothing.
    std::function<bool(int done, int total)> progress;
};

/// One story as a PDF: A4 or Letter, headline, dateline, byline, summary, body and footnotes,
/// with fonts embedded as subsets and the text in reading order. Written atomically; returns
/// false and sets `error` on failure, leaving an existing file as it was.
bool writeStoryPdf(const Story &story, const QString &path, const PdfOptions &options,
                   QString *error);

/// What surrounds the text on a page: the running header, "Page N of M" and the draft mark.
struct PageFrame
{
    QString headerLeft;
    QString headerRight;
    bool header = true; // false on a cover
    bool draft = false;
};

/// Draws the frame of page `page` (1-based) of `pageCount`.
void drawPageFrame(cairo_t *cr, const PangoText &text, const PageGeometry &geometry,
                   const PageFrame &frame, int page, int pageCount);

} // namespace fo
