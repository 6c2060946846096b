#pragma once

#include "base/refusal.h"
#include "domain/story.h"

#include <QString>

#include <functional>
#include <optional>

namespace fo {

enum class PageSize
{
    A4,
    Letter
};

/// "A4" or "Letter", case-insensitive.
std::optional<PageSize> parsePageSize(const QString &text);

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
/// with fonts embedded as subsets and the text in reading order. Written atomically; on failure
/// says why, leaving an existing file as it was.
///
/// PDF is drawn by the PDF module (app/pdf: Pango and Cairo), loaded on the first PDF, so that
/// the program starts without mapping the PDF stack (pdfmodule.h).
Status writeStoryPdf(const Story &story, const QString &path, const PdfOptions &options);

} // namespace fo
