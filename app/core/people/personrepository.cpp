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

Status validName(const QString &name)
{
    if (name.trimmed().isEmpty()) {
        return Refusal(RefusalKind::PersonNeedsName);
    }
    if (name.contains(QLatin1Char('\n')) || name.size() > 200) {
        return Refusal(RefusalKind::PersonNameTooLong);
    }
    return Status();
}

} // namespace

Status PersonRepository::add(Person &person, const Person &actor)
{
    person.name = person.name.trimmed();
    if (const Status valid = validName(person.name); !valid) {
        return valid;
    }
    if (!person.roles) {
        return Refusal(RefusalKind::PersonNeedsRole, person.name);
    }
    if (findByName(person.name)) {
        return Refusal(RefusalKind::PersonNameTaken, person.name);
    }
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    person.createdAt = Clock::now();
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO people (name, active, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(person.name);
    q.addBindValue(person.active ? 1 : 0);
    q.addBindValue(person.createdAt.toMSecsSinceEpoch());
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotAddPerson, person.name);
    }
    person.id = q.lastInsertId().toLongLong();
    if (const Status roles = writeRoles(person.id, person.roles); !roles) {
        return roles;
    }
    if (const Status audited =
            AuditLog(mDb).append(AuditAction::PersonAdded, 0, actor, describe(person));
        !audited) {
        return audited;
    }
    return tx.finish();
}

Status PersonRepository::update(const Person &input, const Person &actor)
{
    Person person = input;
    person.name = person.name.trimmed();
    if (const Status valid = validName(person.name); !valid) {
        return valid;
    }
    const Result<Person> current = get(person.id);
    if (!current) {
        return current.refusal();
    }
    if (const auto other = findByName(person.name); other && other->id != person.id) {
        return Refusal(RefusalKind::PersonNameTaken, person.name);
    }
    if (current->name == person.name && current->roles == person.roles &&
        current->active == person.active) {
        return Status();
    }
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE people SET name = ?, active = ? WHERE id = ?"));
    q.addBindValue(person.name);
    q.addBindValue(person.active ? 1 : 0);
    q.addBindValue(person.id);
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotChangePerson, person.name);
    }
    if (const Status roles = writeRoles(person.id, person.roles); !roles) {
        return roles;
    }
    if (const Status audited = AuditLog(mDb).append(
            AuditAction::PersonChanged, 0, actor,
            QStringLiteral("%1 → %2").arg(describe(*current), describe(person)));
        !audited) {
        return audited;
    }
    return tx.finish();
}

Status PersonRepository::writeRoles(qint64 personId, Roles roles)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("DELETE FROM person_roles WHERE person_id = ?"));
    q.addBindValue(personId);
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotSaveRoles);
    }
    q.prepare(QStringLiteral("INSERT INTO person_roles (person_id, role) VALUES (?, ?)"));
    for (const Role r : allRoles()) {
        if (!roles.testFlag(r)) {
            continue;
        }
        q.addBindValue(personId);
        q.addBindValue(roleKey(r));
        if (!q.exec()) {
            return queryRefusal(q, RefusalKind::CannotSaveRoles);
        }
    }
    return Status();
}

Result<Person> PersonRepository::get(qint64 id) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(kPersonSelect + QStringLiteral(" WHERE p.id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        return personFrom(q);
    }
    if (q.lastError().isValid()) {
        return queryRefusal(q);
    }
    Refusal r(RefusalKind::PersonNotFound);
    r.id = id;
    return r;
}

Result<Person> PersonRepository::findByName(const QString &name) const
{
    QSqlQuery q(mDb.connection());
    // people.name is COLLATE NOCASE, which folds ASCII only; compare in Qt for the rest.
    q.prepare(kPersonSelect + QStringLiteral(" WHERE p.name = ?"));
    q.addBindValue(name.trimmed());
    if (q.exec() && q.next()) {
        return personFrom(q);
    }
    if (const Result<QVector<Person>> everyone = all(true)) {
        for (const Person &p : *everyone) {
            if (p.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
                return p;
            }
        }
    }
    return Refusal(RefusalKind::NoPersonNamed, name.trimmed());
}

Result<QVector<Person>> PersonRepository::all(bool includeInactive) const
{
    QVector<Person> people;
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    if (!q.exec(kPersonSelect +
                (includeInactive ? QString() : QStringLiteral(" WHERE p.active = 1")) +
                QStringLiteral(" ORDER BY p.name COLLATE NOCASE, p.id"))) {
        return queryRefusal(q);
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
