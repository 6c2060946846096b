#include "people/joinrequestrepository.h"

#include "base/clock.h"
#include "library/database.h"
#include "library/nestedtransaction.h"
#include "people/personrepository.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

JoinRequest requestFrom(const QSqlQuery &q)
{
    JoinRequest r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.askedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
    return r;
}

} // namespace

Result<JoinRequest> JoinRequestRepository::add(const QString &name)
{
    JoinRequest request;
    request.name = name.trimmed();
    if (request.name.isEmpty() || request.name.contains(QLatin1Char('\n')) ||
        request.name.size() > 200) {
        return Refusal(RefusalKind::JoinNeedsName);
    }
    if (PersonRepository(mDb).findByName(request.name) || findByName(request.name)) {
        return Refusal(RefusalKind::JoinNameTaken, request.name);
    }
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun.refusal();
    }
    request.askedAt = Clock::now();
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO join_requests (name, asked_at) VALUES (?, ?)"));
    q.addBindValue(request.name);
    q.addBindValue(request.askedAt.toMSecsSinceEpoch());
    if (!q.exec()) {
        return queryRefusal(q);
    }
    request.id = q.lastInsertId().toLongLong();
    if (const Status done = tx.finish(); !done) {
        return done.refusal();
    }
    return request;
}

QVector<JoinRequest> JoinRequestRepository::all() const
{
    QVector<JoinRequest> out;
    QSqlQuery q(mDb.connection());
    if (!q.exec(QStringLiteral("SELECT id, name, asked_at FROM join_requests ORDER BY id"))) {
        return out;
    }
    while (q.next()) {
        out << requestFrom(q);
    }
    return out;
}

std::optional<JoinRequest> JoinRequestRepository::findByName(const QString &name) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT id, name, asked_at FROM join_requests WHERE name = ?"));
    q.addBindValue(name.trimmed());
    if (!q.exec() || !q.next()) {
        return std::nullopt;
    }
    return requestFrom(q);
}

Status JoinRequestRepository::remove(qint64 id)
{
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("DELETE FROM join_requests WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return queryRefusal(q);
    }
    return tx.finish();
}

} // namespace fo
