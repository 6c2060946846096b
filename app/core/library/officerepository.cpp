#include "library/officerepository.h"

#include "library/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

Result<QVector<Office>> OfficeRepository::all() const
{
    QVector<Office> offices;
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT o.id, o.name, o.city, o.country "
                               "FROM offices o ORDER BY o.name COLLATE NOCASE"))) {
        return queryRefusal(q);
    }
    while (q.next()) {
        offices.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString()});
    }
    return offices;
}

std::optional<Office> OfficeRepository::findByName(const QString &name) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT id, name, city, country FROM offices WHERE name = ? "
                             "COLLATE NOCASE"));
    q.addBindValue(name.trimmed());
    if (q.exec() && q.next()) {
        return Office{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString()};
    }
    return std::nullopt;
}

Result<qint64> OfficeRepository::findOrCreate(const QString &name, const QString &city,
                                              const QString &country)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return Refusal(RefusalKind::OfficeNeedsName);
    }
    if (const auto existing = findByName(trimmed)) {
        return existing->id;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO offices (name, city, country) VALUES (?, ?, ?)"));
    q.addBindValue(trimmed);
    q.addBindValue(notNull(city.trimmed()));
    q.addBindValue(notNull(country.trimmed()));
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotCreateOffice, trimmed);
    }
    return q.lastInsertId().toLongLong();
}

QString OfficeRepository::nameFromCity(const QString &city)
{
    QString out;
    bool wordStart = true;
    for (const QChar c : city.trimmed()) {
        if (c.isLetter()) {
            out += wordStart ? c.toUpper() : c.toLower();
            wordStart = false;
        } else {
            out += c;
            wordStart = c.isSpace() || c == QLatin1Char('-');
        }
    }
    return out;
}

} // namespace fo
