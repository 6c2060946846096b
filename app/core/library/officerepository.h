#pragma once

#include "base/refusal.h"

#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;

struct Office
{
    qint64 id = 0;
    QString name;
    QString city;
    QString country;
};

/// Field offices of the library. Office names are unique, ignoring case.
class OfficeRepository
{
public:
    explicit OfficeRepository(Database &db) : mDb(db) {}

    Result<QVector<Office>> all() const;
    std::optional<Office> findByName(const QString &name) const;
    /// The office with this name, created (with city and country) when there is none.
    /// Its id, or why not (OfficeNeedsName, CannotCreateOffice).
    Result<qint64> findOrCreate(const QString &name, const QString &city, const QString &country);

    /// "KOLKATA" → "Kolkata", "QUEZON CITY" → "Quezon City": an office name from a dateline city.
    static QString nameFromCity(const QString &city);

private:
    Database &mDb;
};

} // namespace fo
