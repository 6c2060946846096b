#include "history/storyhistory.h"

#include "comments/commentrepository.h"
#include "domain/contenthash.h"
#include "domain/story.h"
#include "history/approvalrepository.h"
#include "history/revisionrepository.h"

namespace fo {

Result<Revision> StoryHistory::recordCreated(const Story &stored, const Person &actor)
{
    Result<Revision> rev = RevisionRepository(mDb).record(stored, RevisionKind::Created, actor,
                                                          QString(), nullptr, stored.createdAt);
    if (!rev) {
        return rev;
    }
    if (const Status audited = AuditLog(mDb).append(AuditAction::Created, stored.id, actor,
                                                    stored.headline, rev->number);
        !audited) {
        return audited.refusal();
    }
    return rev;
}

Result<Revision> StoryHistory::recordEdit(const Story &before, const Story &after,
                                          const ChangeContext &context, bool approvalLost,
                                          bool *coalescedOut)
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
    const Result<Revision> rev =
        revisions.record(after, restore ? RevisionKind::Restore : RevisionKind::Edit, context.actor,
                         note, &coalesced, QDateTime(), !context.separateRevision);
    if (!rev) {
        return rev;
    }
    if (coalescedOut) {
        *coalescedOut = coalesced;
    }
    AuditLog audit(mDb);
    // One audit row per revision: an editing session is one "edited" row, not one per autosave.
    if (!coalesced) {
        const QString detail = context.note.isEmpty() ? fields
                                                      : context.note + QStringLiteral(" (") +
                                                            fields + QLatin1Char(')');
        if (const Status audited =
                audit.append(context.action, after.id, context.actor, detail, rev->number);
            !audited) {
            return audited.refusal();
        }
    }
    if (approvalLost) {
        const QString detail =
            QStringLiteral("%1 → %2: %3 changed%4")
                .arg(statusKey(before.status), statusKey(after.status), fields,
                     approval ? QStringLiteral(" since revision %1 (sha256 %2)")
                                    .arg(approval->revisionNumber)
                                    .arg(QString::fromLatin1(approval->contentHash))
                              : QString());
        if (const Status audited = audit.append(AuditAction::ApprovalLost, after.id, context.actor,
                                                detail, rev->number);
            !audited) {
            return audited.refusal();
        }
    }
    if (before.body != after.body) {
        if (const Status moved = CommentRepository(mDb).reanchor(after.id, after.body); !moved) {
            return moved.refusal();
        }
    }
    return rev;
}

Result<Revision> StoryHistory::recordStateChange(const Story &before, const Story &after,
                                                 const ChangeContext &context,
                                                 const QByteArray &hash)
{
    const QString change =
        QStringLiteral("%1 → %2").arg(statusKey(before.status), statusKey(after.status));
    Result<Revision> rev = RevisionRepository(mDb).record(
        after, RevisionKind::State, context.actor, context.note, nullptr, context.at, true, hash);
    if (!rev) {
        return rev;
    }
    if (const Status audited = AuditLog(mDb).append(
            context.action, after.id, context.actor,
            context.note.isEmpty() ? change : change + QStringLiteral(": ") + context.note,
            rev->number);
        !audited) {
        return audited.refusal();
    }
    return rev;
}

} // namespace fo
