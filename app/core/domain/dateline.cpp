#include "dateline.h"

#include <QRegularExpression>

namespace fo {

DatelineParts splitDateline(const QString &text)
{
    static const QRegularExpression dash(
        QStringLiteral("[ \\x{00A0}]+(?:--|[\\x{2013}\\x{2014}-])$"));
    QString dateline = text;
    dateline.remove(dash); // "GULU, UGANDA –" copied with its dash
    const qsizetype comma = dateline.indexOf(QLatin1Char(','));
    DatelineParts parts;
    parts.city = (comma < 0 ? dateline : dateline.left(comma)).trimmed();
    parts.country = comma < 0 ? QString() : dateline.mid(comma + 1).trimmed();
    return parts;
}

} // namespace fo
