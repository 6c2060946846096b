#include "people/personrepository.h"

#include "base/clock.h"
#include "library/auditlog.h"
#include "library/database.h"
#include "library/nestedtransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

const QString kPersonSelect = QStringLiteral(
    "SELECT p.id, p.name, p.active, p.created_at, "
    "coalesce((SELECT group_concat(role, ',') FROM person_roles r WHERE r.person_id = p.id), '') "
    "FROM people p");

Person personFrom(const QSqlQuery &q)
{
    Person p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.active = q.value(2).toInt() != 0;
    p.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    const QStringList keys = q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &k : keys) {
        if (const auto r = parseRole(k)) {
            p.roles |= *r;
        }
    }
    return p;
}

QString describe(const Person &p)
{
    return QStringLiteral("%1 (%2%3)")
        .arg(p.name, rolesKey(p.roles), p.active ? QString() : QStringLiteral(", inactive"));
}

bool validName(const QString &name, QString *error)
{
    if (name.trimmed().isEmpty()) {
        *error = QStringLiteral("a person needs a name");
        return false;
    }
    if (name.contains(QLatin1Char('\n')) || name.size() > 200) {
        *error = QStringLiteral("a name is one line of at most 200 characters");
        return false;
    }
    return true;
}

} // namespace

bool PersonRepository::add(Person &person, const Person &actor, QString *error)
{
    person.name = person.name.trimmed();
    if (!validName(person.name, error)) {
        return false;
    }
    if (!person.roles) {
        *error = QStringLiteral("%1 needs at least one role").arg(person.name);
        return false;
    }
    if (findByName(person.name)) {
        *error = QStringLiteral("there is already a person named '%1'").arg(person.name);
        return false;
    }
    NestedTransaction tx(mDb.connection());
    if (!tx.started(error)) {
        return false;
    }
    person.createdAt = Clock::now();
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO people (name, active, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(person.name);
    q.addBindValue(person.active ? 1 : 0);
    q.addBindValue(person.createdAt.toMSecsSinceEpoch());
    if (!q.exec()) {
        *error = QStringLiteral("cannot add %1: %2").arg(person.name, sqlError(q));
        return false;
    }
    person.id = q.lastInsertId().toLongLong();
    if (!writeRoles(person.id, person.roles, error) ||
        !AuditLog(mDb).record(AuditAction::PersonAdded, 0, actor, describe(person), error)) {
        return false;
    }
    return tx.commit(error);
}

bool PersonRepository::update(const Person &input, const Person &actor, QString *error)
{
    Person person = input;
    person.name = person.name.trimmed();
    if (!validName(person.name, error)) {
        return false;
    }
    const std::optional<Person> current = get(person.id, error);
    if (!current) {
        return false;
    }
    if (const auto other = findByName(person.name); other && other->id != person.id) {
        *error = QStringLiteral("there is already a person named '%1'").arg(person.name);
        return false;
    }
    if (current->name == person.name && current->roles == person.roles &&
        current->active == person.active) {
        return true;
    }
    NestedTransaction tx(mDb.connection());
    if (!tx.started(error)) {
        return false;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE people SET name = ?, active = ? WHERE id = ?"));
    q.addBindValue(person.name);
    q.addBindValue(person.active ? 1 : 0);
    q.addBindValue(person.id);
    if (!q.exec()) {
        *error = QStringLiteral("cannot change %1: %2").arg(person.name, sqlError(q));
        return false;
    }
    if (!writeRoles(person.id, person.roles, error) ||
        !AuditLog(mDb).record(AuditAction::PersonChanged, 0, actor,
                              QStringLiteral("%1 → %2").arg(describe(*current), describe(person)),
                              error)) {
        return false;
    }
    return tx.commit(error);
}

bool PersonRepository::writeRoles(qint64 personId, Roles roles, QString *error)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("DELETE FROM person_roles WHERE person_id = ?"));
    q.addBindValue(personId);
    if (!q.exec()) {
        *error = QStringLiteral("cannot save roles: %1").arg(sqlError(q));
        return false;
    }
    q.prepare(QStringLiteral("INSERT INTO person_roles (person_id, role) VALUES (?, ?)"));
    for (const Role r : allRoles()) {
        if (!roles.testFlag(r)) {
            continue;
        }
        q.addBindValue(personId);
        q.addBindValue(roleKey(r));
        if (!q.exec()) {
            *error = QStringLiteral("cannot save roles: %1").arg(sqlError(q));
            return false;
        }
    }
    return true;
}

std::optional<Person> PersonRepository::get(qint64 id, QString *error) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(kPersonSelect + QStringLiteral(" WHERE p.id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        return personFrom(q);
    }
    if (error) {
        *error =
            q.lastError().isValid() ? sqlError(q) : QStringLiteral("no person with id %1").arg(id);
    }
    return std::nullopt;
}

std::optional<Person> PersonRepository::findByName(const QString &name, QString *error) const
{
    QSqlQuery q(mDb.connection());
    // people.name is COLLATE NOCASE, which folds ASCII only; compare in Qt for the rest.
    q.prepare(kPersonSelect + QStringLiteral(" WHERE p.name = ?"));
    q.addBindValue(name.trimmed());
    if (q.exec() && q.next()) {
        return personFrom(q);
    }
    for (const Person &p : all(true)) {
        if (p.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return p;
        }
    }
    if (error) {
        *error = QStringLiteral("no person named '%1'").arg(name.trimmed());
    }
    return std::nullopt;
}

QVector<Person> PersonRepository::all(bool includeInactive, QString *error) const
{
    QVector<Person> people;
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    if (!q.exec(kPersonSelect +
                (includeInactive ? QString() : QStringLiteral(" WHERE p.active = 1")) +
                QStringLiteral(" ORDER BY p.name COLLATE NOCASE, p.id"))) {
        if (error) {
            *error = sqlError(q);
        }
        return people;
    }
    while (q.next()) {
        people.append(personFrom(q));
    }
    return people;
}

int PersonRepository::countWithRole(Role role) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(
        QStringLiteral("SELECT count(*) FROM people p JOIN person_roles r ON r.person_id = p.id "
                       "WHERE p.active = 1 AND r.role = ?"));
    q.addBindValue(roleKey(role));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

} // namespace fo
