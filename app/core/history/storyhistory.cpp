#include "history/storyhistory.h"

#include "comments/commentrepository.h"
#include "domain/contenthash.h"
#include "domain/story.h"
#include "history/approvalrepository.h"
#include "history/revisionrepository.h"

namespace fo {

std::optional<Revision> StoryHistory::recordCreated(const Story &stored, const Person &actor,
                                                    QString *error)
{
    std::optional<Revision> rev = RevisionRepository(mDb).record(
        stored, RevisionKind::Created, actor, QString(), error, nullptr, stored.createdAt);
    if (!rev || !AuditLog(mDb).record(AuditAction::Created, stored.id, actor, stored.headline,
                                      error, rev->number)) {
        return std::nullopt;
    }
    return rev;
}

std::optional<Revision> StoryHistory::recordEdit(const Story &before, const Story &after,
                                                 const ChangeContext &context, bool approvalLost,
                                                 QString *error, bool *coalescedOut)
{
    RevisionRepository revisions(mDb);
    const bool restore = context.action == AuditAction::Restored;
    const QString fields = fieldsText(fieldsChanged(before, after));
    QString note = context.note;
    std::optional<Approval> approval;
    if (approvalLost) {
        approval = ApprovalRepository(mDb).latest(before.id);
        const QString lost =
            approval ? QStringLiteral("changed since approval by %1 of revision %2")
                           .arg(approval->personName)
                           .arg(approval->revisionNumber)
                     : QStringLiteral("changed while %1").arg(statusLabel(before.status));
        note = note.isEmpty() ? lost : note + QStringLiteral("; ") + lost;
    }
    bool coalesced = false;
    const std::optional<Revision> rev =
        revisions.record(after, restore ? RevisionKind::Restore : RevisionKind::Edit, context.actor,
                         note, error, &coalesced, QDateTime(), !context.separateRevision);
    if (!rev) {
        return std::nullopt;
    }
    if (coalescedOut) {
        *coalescedOut = coalesced;
    }
    AuditLog audit(mDb);
    // One audit row per revision: an editing session is one "edited" row, not one per autosave.
    if (!coalesced && !audit.record(context.action, after.id, context.actor,
                                    context.note.isEmpty() ? fields
                                                           : context.note + QStringLiteral(" (") +
                                                                 fields + QLatin1Char(')'),
                                    error, rev->number)) {
        return std::nullopt;
    }
    if (approvalLost &&
        !audit.record(AuditAction::ApprovalLost, after.id, context.actor,
                      QStringLiteral("%1 → %2: %3 changed%4")
                          .arg(statusKey(before.status), statusKey(after.status), fields,
                               approval ? QStringLiteral(" since revision %1 (sha256 %2)")
                                              .arg(approval->revisionNumber)
                                              .arg(QString::fromLatin1(approval->contentHash))
                                        : QString()),
                      error, rev->number)) {
        return std::nullopt;
    }
    if (before.body != after.body &&
        !CommentRepository(mDb).reanchor(after.id, after.body, error)) {
        return std::nullopt;
    }
    return rev;
}

std::optional<Revision> StoryHistory::recordStateChange(const Story &before, const Story &after,
                                                        const ChangeContext &context,
                                                        QString *error, const QByteArray &hash)
{
    const QString change =
        QStringLiteral("%1 → %2").arg(statusKey(before.status), statusKey(after.status));
    std::optional<Revision> rev =
        RevisionRepository(mDb).record(after, RevisionKind::State, context.actor, context.note,
                                       error, nullptr, context.at, true, hash);
    if (!rev || !AuditLog(mDb).record(
                    context.action, after.id, context.actor,
                    context.note.isEmpty() ? change : change + QStringLiteral(": ") + context.note,
                    error, rev->number)) {
        return std::nullopt;
    }
    return rev;
}

} // namespace fo
