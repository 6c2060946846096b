#pragma once

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
    bool add(Person &person, const Person &actor, QString *error);
    /// Writes name, roles and active state.
    bool update(const Person &person, const Person &actor, QString *error);

    std::optional<Person> get(qint64 id, QString *error = nullptr) const;
    /// Exact name, ignoring case ("rahul sen" finds "Rahul Sen").
    std::optional<Person> findByName(const QString &name, QString *error = nullptr) const;
    /// Everyone, by name; inactive people too when asked.
    QVector<Person> all(bool includeInactive = true, QString *error = nullptr) const;
    /// How many active people hold the role (e.g. whether the library has an admin yet).
    int countWithRole(Role role) const;

private:
    bool writeRoles(qint64 personId, Roles roles, QString *error);

    Database &mDb;
};

} // namespace fo
