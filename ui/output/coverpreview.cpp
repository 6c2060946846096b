#include "output/coverpreview.h"

#include "export/htmlexporter.h"
#include "export/packet.h"

#include <QCoreApplication>

namespace fo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fo::CoverPreview", text);
}

QString paragraphs(const QString &text)
{
    QString escaped = htmlEscape(text.trimmed());
    escaped.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return escaped;
}

} // namespace

QString coverPreviewHtml(const Packet &packet)
{
    QString html;
    if (packet.draft) {
        html += QStringLiteral("<p style=\"color:#b00020; font-weight:bold;\">%1</p>")
                    .arg(htmlEscape(draftMarkText()));
    }
    html += QStringLiteral("<p style=\"color:#555; letter-spacing:1px;\">%1</p>")
                .arg(htmlEscape(packet.organisation.toUpper()));
    html +=
        QStringLiteral("<p style=\"font-size:small; color:#555;\">%1</p>").arg(tr("PRESS PACKET"));
    const QString title = packet.title.trimmed();
    html += QStringLiteral("<h1>%1</h1>")
                .arg(title.isEmpty() ? QStringLiteral("<i>%1</i>").arg(tr("(no title yet)"))
                                     : htmlEscape(title));
    html += QStringLiteral("<p>%1</p>").arg(htmlEscape(packet.dateLine()));
    const int n = int(packet.stories.size());
    html += QStringLiteral("<p style=\"color:#555;\">%1</p>")
                .arg(n == 1 ? tr("1 story") : tr("%1 stories").arg(n));
    if (const QString embargo = packet.embargoLine(); !embargo.isEmpty()) {
        html += QStringLiteral("<p style=\"color:#b00020; font-weight:bold;\">%1</p>")
                    .arg(htmlEscape(embargo.toUpper()));
    }
    if (!packet.pressContact.trimmed().isEmpty()) {
        html += QStringLiteral("<p style=\"color:#555; font-size:small;\">%1</p><p>%2</p>")
                    .arg(tr("PRESS CONTACT"), paragraphs(packet.pressContact));
    } else {
        html += QStringLiteral("<p style=\"color:#555;\"><i>%1</i></p>")
                    .arg(tr("No press contact set (File \u2192 Organisation\u2026)."));
    }
    return html;
}

} // namespace fo
