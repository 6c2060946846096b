#include "library/auditlog.h"

#include "base/clock.h"
#include "library/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

struct ActionName
{
    AuditAction action;
    const char *key;
};

constexpr ActionName kActionNames[] = {
    {AuditAction::Created, "created"},
    {AuditAction::Edited, "edited"},
    {AuditAction::StatusChanged, "status-changed"},
    {AuditAction::Submitted, "submitted"},
    {AuditAction::ChangesRequested, "changes-requested"},
    {AuditAction::Approved, "approved"},
    {AuditAction::ApprovalLost, "approval-lost"},
    {AuditAction::Released, "released"},
    {AuditAction::Archived, "archived"},
    {AuditAction::Reopened, "reopened"},
    {AuditAction::Restored, "restored"},
    {AuditAction::Trashed, "trashed"},
    {AuditAction::Untrashed, "untrashed"},
    {AuditAction::Exported, "exported"},
    {AuditAction::CommentAdded, "comment-added"},
    {AuditAction::CommentResolved, "comment-resolved"},
    {AuditAction::CommentReopened, "comment-reopened"},
    {AuditAction::PersonAdded, "person-added"},
    {AuditAction::PersonChanged, "person-changed"},
    {AuditAction::Deleted, "deleted"},
};

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

struct WhereSql
{
    QString where;
    QVariantList values;
};

WhereSql whereSql(const AuditFilter &filter)
{
    WhereSql sql;
    QStringList conditions;
    if (filter.storyId > 0) {
        conditions << QStringLiteral("story_id = ?");
        sql.values << filter.storyId;
    }
    if (filter.personId > 0) {
        conditions << QStringLiteral("person_id = ?");
        sql.values << filter.personId;
    }
    if (!filter.actions.isEmpty()) {
        QStringList marks;
        for (const AuditAction a : filter.actions) {
            marks << QStringLiteral("?");
            sql.values << auditActionKey(a);
        }
        conditions << QStringLiteral("action IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (filter.from.isValid()) {
        conditions << QStringLiteral("at >= ?");
        sql.values << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        conditions << QStringLiteral("at < ?");
        sql.values << filter.to.toMSecsSinceEpoch();
    }
    if (!conditions.isEmpty()) {
        sql.where = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
    return sql;
}

} // namespace

QString auditActionKey(AuditAction action)
{
    for (const auto &n : kActionNames) {
        if (n.action == action) {
            return QString::fromLatin1(n.key);
        }
    }
    return QString();
}

std::optional<AuditAction> parseAuditAction(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (const auto &n : kActionNames) {
        if (k == QLatin1String(n.key)) {
            return n.action;
        }
    }
    return std::nullopt;
}

QVector<AuditAction> allAuditActions()
{
    QVector<AuditAction> all;
    for (const auto &n : kActionNames) {
        all.append(n.action);
    }
    return all;
}

Status AuditLog::append(AuditAction action, qint64 storyId, const Person &actor,
                        const QString &detail, int revision)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO audit_log (at, action, story_id, person_id, "
                             "person_name, revision, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(Clock::now().toMSecsSinceEpoch());
    q.addBindValue(auditActionKey(action));
    q.addBindValue(idOrNull(storyId));
    q.addBindValue(idOrNull(actor.id));
    q.addBindValue(notNull(actor.name));
    q.addBindValue(revision > 0 ? QVariant(revision) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(notNull(detail));
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::AuditRecordFailed);
    }
    return Status();
}

Result<QVector<AuditEntry>> AuditLog::list(const AuditFilter &filter, int offset, int limit) const
{
    QVector<AuditEntry> rows;
    const WhereSql sql = whereSql(filter);
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, action, story_id, person_id, person_name, revision, "
                             "detail FROM audit_log") +
              sql.where + QStringLiteral(" ORDER BY at DESC, id DESC LIMIT ? OFFSET ?"));
    for (const QVariant &v : sql.values) {
        q.addBindValue(v);
    }
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        return queryRefusal(q);
    }
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        e.action = parseAuditAction(q.value(2).toString()).value_or(AuditAction::Edited);
        e.storyId = q.value(3).toLongLong();
        e.personId = q.value(4).toLongLong();
        e.personName = q.value(5).toString();
        e.revision = q.value(6).toInt();
        e.detail = q.value(7).toString();
        rows.append(e);
    }
    return rows;
}

Result<int> AuditLog::count(const AuditFilter &filter) const
{
    const WhereSql sql = whereSql(filter);
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM audit_log") + sql.where);
    for (const QVariant &v : sql.values) {
        q.addBindValue(v);
    }
    if (!q.exec() || !q.next()) {
        return queryRefusal(q);
    }
    return q.value(0).toInt();
}

} // namespace fo
