#include "library/reviewsettings.h"

#include "library/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

const QString &kFourEyes()
{
    static const QString k = QStringLiteral("review.four_eyes");
    return k;
}

} // namespace

bool ReviewSettings::fourEyes() const
{
    const Result<bool> on = readFourEyes();
    return on ? *on : false;
}

Result<bool> ReviewSettings::readFourEyes() const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(kFourEyes());
    if (!q.exec()) {
        return queryRefusal(q);
    }
    return q.next() && q.value(0).toString() == QLatin1String("on");
}

Status ReviewSettings::setFourEyes(bool on)
{
    Transaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(kFourEyes());
    q.addBindValue(on ? QStringLiteral("on") : QStringLiteral("off"));
    if (!q.exec()) {
        return queryRefusal(q);
    }
    return tx.finish();
}

} // namespace fo
