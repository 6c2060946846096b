#include "history/approvalrepository.h"

#include "base/clock.h"
#include "history/revisionrepository.h"
#include "library/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

const QString kSelect =
    QStringLiteral("SELECT a.id, a.story_id, a.revision_id, r.number, a.person_id, a.person_name, "
                   "a.approved_at, a.content_hash, r.id IS NOT NULL, r.story_id, r.kind, r.status, "
                   "r.person_id, r.content_hash, EXISTS (SELECT 1 FROM person_roles pr WHERE "
                   "pr.person_id = a.person_id AND pr.role = 'reviewer') "
                   "FROM approvals a LEFT JOIN revisions r ON r.id = a.revision_id ");

Approval approvalFrom(const QSqlQuery &q)
{
    Approval a;
    a.id = q.value(0).toLongLong();
    a.storyId = q.value(1).toLongLong();
    a.revisionId = q.value(2).toLongLong();
    a.revisionNumber = q.value(3).toInt();
    a.personId = q.value(4).toLongLong();
    a.personName = q.value(5).toString();
    a.approvedAt = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
    a.contentHash = q.value(7).toString().toLatin1();
    a.revisionFound = q.value(8).toBool();
    a.revisionStoryId = q.value(9).toLongLong();
    a.revisionKind = q.value(10).toString();
    a.revisionStatus = q.value(11).toString();
    a.revisionPersonId = q.value(12).toLongLong();
    a.revisionHash = q.value(13).toString().toLatin1();
    a.approverIsReviewer = q.value(14).toBool();
    return a;
}

} // namespace

Result<Approval> ApprovalRepository::add(const Revision &revision, const Person &reviewer)
{
    QSqlQuery q(mDb.connection());
    q.prepare(
        QStringLiteral("INSERT INTO approvals (story_id, revision_id, person_id, person_name, "
                       "approved_at, content_hash) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(revision.storyId);
    q.addBindValue(revision.id);
    q.addBindValue(reviewer.isKnown() ? QVariant(reviewer.id)
                                      : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(notNull(reviewer.name));
    // The approval happens with its state revision: one moment, one time.
    q.addBindValue(
        (revision.createdAt.isValid() ? revision.createdAt : Clock::now()).toMSecsSinceEpoch());
    q.addBindValue(QString::fromLatin1(revision.contentHash));
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotSaveApproval);
    }
    const qint64 id = q.lastInsertId().toLongLong();
    q.prepare(kSelect + QStringLiteral("WHERE a.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        return queryRefusal(q, RefusalKind::CannotReadApproval);
    }
    return approvalFrom(q);
}

std::optional<Approval> ApprovalRepository::latest(qint64 storyId) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(kSelect + QStringLiteral("WHERE a.story_id = ? ORDER BY a.id DESC LIMIT 1"));
    q.addBindValue(storyId);
    if (!q.exec()) {
        return std::nullopt;
    }
    if (!q.next()) {
        return std::nullopt;
    }
    return approvalFrom(q);
}

Result<QVector<Approval>> ApprovalRepository::forStory(qint64 storyId) const
{
    QVector<Approval> out;
    QSqlQuery q(mDb.connection());
    q.prepare(kSelect + QStringLiteral("WHERE a.story_id = ? ORDER BY a.id DESC"));
    q.addBindValue(storyId);
    if (!q.exec()) {
        return queryRefusal(q);
    }
    while (q.next()) {
        out.append(approvalFrom(q));
    }
    return out;
}

} // namespace fo
