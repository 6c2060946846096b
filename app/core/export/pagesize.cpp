#include "export/pdfexporter.h"

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

QString pageSizeName(PageSize size)
{
    return size == PageSize::Letter ? QStringLiteral("Letter") : QStringLiteral("A4");
}

} // namespace fo
