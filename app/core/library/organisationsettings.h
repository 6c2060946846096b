#pragma once

#include "base/refusal.h"
#include "domain/person.h"

#include <QString>

namespace fo {

class Database;

/// What the organisation shows on its packets: kept in the library (the `settings` table), so
/// that every copy of the library exports with the same cover.
struct OrganisationInfo
{
    QString name;         // "Field Office" when never set
    QString pressContact; // several lines: name, telephone, e-mail
    QString website;      // printed on covers when set
};

/// Typed access to the organisation settings. Keys and defaults live here and nowhere else.
class OrganisationSettings
{
public:
    explicit OrganisationSettings(Database &db) : mDb(db) {}

    /// The stored settings, with defaults for what was never set (and on a read error).
    OrganisationInfo load() const;
    /// The same, or why the settings could not be read (QueryFailed).
    Result<OrganisationInfo> read() const;
    /// Stores all fields in one transaction, or says why not.
    Status save(const OrganisationInfo &info);
    /// The same as `actor`: only an admin may change what every packet prints (issue 12
    /// item 17); refused with NoPersonChosen or OrganisationNeedsAdmin.
    Status save(const OrganisationInfo &info, const Person &actor);
    /// None when `actor` may change the settings; the typed reason otherwise.
    static std::optional<Refusal> changeRefusal(const Person &actor);

    static OrganisationInfo defaults();

private:
    Database &mDb;
};

} // namespace fo
