#include "export/pdfexporter.h"

#include "export/pdfmodule.h"

namespace fo {

std::optional<PageSize> parsePageSize(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("a4")) {
        return PageSize::A4;
    }
    if (t == QLatin1String("letter") || t == QLatin1String("us-letter")) {
        return PageSize::Letter;
    }
    return std::nullopt;
}

Status writeStoryPdf(const Story &story, const QString &path, const PdfOptions &options)
{
    const Result<const PdfModule *> module = pdfModule();
    return module ? (*module)->writeStory(story, path, options) : Status(module.refusal());
}

} // namespace fo
