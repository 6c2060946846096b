#pragma once

#include "base/refusal.h"
#include "domain/person.h"

#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// The library's people and their roles. Every change is recorded in the audit trail, in the
/// same transaction. Who may change people is decided by Workflow::peopleRefusal(); this class
/// stores what it is given.
class PersonRepository
{
public:
    explicit PersonRepository(Database &db) : mDb(db) {}

    /// Adds a person (names are unique, ignoring case). Sets person.id and createdAt.
    Status add(Person &person, const Person &actor);
    /// Writes name, roles and active state.
    Status update(const Person &person, const Person &actor);

    /// The person, or PersonNotFound (QueryFailed when the library cannot be read).
    Result<Person> get(qint64 id) const;
    /// Exact name, ignoring case ("rahul sen" finds "Rahul Sen"), or NoPersonNamed.
    Result<Person> findByName(const QString &name) const;
    /// Everyone, by name; inactive people too when asked.
    Result<QVector<Person>> all(bool includeInactive = true) const;
    /// How many active people hold the role (e.g. whether the library has an admin yet).
    int countWithRole(Role role) const;

private:
    Status writeRoles(qint64 personId, Roles roles);

    Database &mDb;
};

} // namespace fo
