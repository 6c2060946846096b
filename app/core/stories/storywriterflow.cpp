// The writer's changes of state: workflow transitions, restoring a revision, the Trash, and the
// demo's made-up past. Content changes are in storywriter.cpp.

#include "stories/storywriter.h"

#include "comments/commentrepository.h"
#include "domain/contenthash.h"
#include "history/approvalrepository.h"
#include "library/auditlog.h"
#include "library/database.h"
#include "library/nestedtransaction.h"
#include "stories/storyrepository.h"
#include "stories/trashrepository.h"

namespace fo {

namespace {

Refusal workflowRefusal(const QString &sentence)
{
    return Refusal(RefusalKind::WorkflowRefused, QString(), sentence);
}

} // namespace

Result<WorkflowResult> StoryWriter::perform(qint64 storyId, WorkflowAction action,
                                            const Person &actor, const QString &comment)
{
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun.refusal();
    }
    // Read once, hash once: the state write, the state revision and the approval use both.
    const Result<Story> story = StoryRepository(mDb).get(storyId);
    if (!story) {
        return story.refusal();
    }
    if (const QString r = Workflow::refusal(story->status, action, actor, comment); !r.isEmpty()) {
        return workflowRefusal(r);
    }
    if (action == WorkflowAction::Approve) {
        if (const QString r = Workflow(mDb).ownChangeRefusal(storyId, actor); !r.isEmpty()) {
            return workflowRefusal(r);
        }
    }
    if (action == WorkflowAction::Release) {
        // Status alone is not enough: only a version someone approved may be released.
        const ApprovalState a = Workflow(mDb).approvalState(*story);
        if (!a.valid) {
            // The same four reasons, in release's words (refusal.h keeps both in one order).
            Refusal r = a.why;
            r.kind = RefusalKind(int(RefusalKind::ReleaseNotApproved) + int(a.why.kind) -
                                 int(RefusalKind::StoryNotApproved));
            return r;
        }
    }
    const QByteArray hash = contentHash(*story);
    WorkflowResult result;
    result.from = story->status;
    result.to = transitionTarget(story->status, action).value_or(story->status);
    ChangeContext context;
    context.actor = actor;
    context.action = actionAuditAction(action);
    context.note = comment.trimmed();
    if (action == WorkflowAction::Approve) {
        context.note = QStringLiteral("sha256 %1").arg(QString::fromLatin1(hash)) +
                       (context.note.isEmpty() ? QString() : QStringLiteral("; ") + context.note);
    }
    Written written;
    if (const Status wrote = writeStatus(*story, result.to, context, hash, &written); !wrote) {
        return wrote.refusal();
    }
    if (!written.revision) {
        return Refusal(RefusalKind::StateRevisionMissing);
    }
    result.revision = *written.revision;
    if (action == WorkflowAction::Approve) {
        const Result<Approval> approval = ApprovalRepository(mDb).add(result.revision, actor);
        if (!approval) {
            return approval.refusal();
        }
        result.approval = *approval;
    }
    if (!comment.trimmed().isEmpty()) {
        const Result<Comment> added =
            CommentRepository(mDb).add(storyId, actor, comment, CommentAnchor(), 0);
        if (!added) {
            return added.refusal();
        }
    }
    if (const Status done = tx.finish(); !done) {
        return done.refusal();
    }
    return result;
}

Result<WorkflowResult> StoryWriter::submitAndApprove(qint64 storyId, const Person &actor,
                                                     const QString &comment)
{
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun.refusal();
    }
    const Result<Story> story = StoryRepository(mDb).get(storyId);
    if (!story) {
        return story.refusal();
    }
    if (const QString r = Workflow(mDb).submitAndApproveRefusal(story->status, actor);
        !r.isEmpty()) {
        return workflowRefusal(r);
    }
    // The submit is the reviewer's own, recorded as a submit: the history shows both steps.
    ChangeContext context;
    context.actor = actor;
    context.action = actionAuditAction(WorkflowAction::Submit);
    Written submitted;
    if (const Status wrote =
            writeStatus(*story, StoryStatus::InReview, context, contentHash(*story), &submitted);
        !wrote) {
        return wrote.refusal();
    }
    Result<WorkflowResult> approved = perform(storyId, WorkflowAction::Approve, actor, comment);
    if (!approved) {
        return approved;
    }
    if (const Status done = tx.finish(); !done) {
        return done.refusal();
    }
    approved->from = story->status;
    return approved;
}

Result<Revision> StoryWriter::restore(qint64 storyId, int number, const Person &actor)
{
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun.refusal();
    }
    const Result<Story> current = StoryRepository(mDb).get(storyId);
    if (!current) {
        return current.refusal();
    }
    if (const QString r = Workflow::editRefusal(current->status, actor); !r.isEmpty()) {
        return workflowRefusal(r);
    }
    const Result<Revision> old = RevisionRepository(mDb).get(storyId, number);
    if (!old) {
        return old.refusal();
    }
    Story restored = *current;
    const Story &s = old->story;
    restored.headline = s.headline;
    restored.datelineCity = s.datelineCity;
    restored.datelineCountry = s.datelineCountry;
    restored.officeName = s.officeName;
    restored.officeId =
        s.officeName.compare(current->officeName, Qt::CaseInsensitive) == 0 ? current->officeId : 0;
    restored.byline = s.byline;
    restored.summary = s.summary;
    restored.body = s.body;
    restored.language = s.language;
    restored.embargoAt = s.embargoAt;
    restored.tags = s.tags;
    if (!fieldsChanged(*current, restored)) {
        Refusal r(RefusalKind::NothingToRestore);
        r.number = number;
        return r;
    }
    ChangeContext context;
    context.actor = actor;
    context.action = AuditAction::Restored;
    context.note = QStringLiteral("restored from revision %1").arg(number);
    Written written;
    if (const Status updated = update(restored, context, &written); !updated) {
        return updated.refusal();
    }
    if (!written.revision) {
        return Refusal(RefusalKind::RestoredRevisionMissing);
    }
    if (const Status done = tx.finish(); !done) {
        return done.refusal();
    }
    return *written.revision;
}

Status StoryWriter::setTrashed(qint64 storyId, bool trashed, const Person &actor)
{
    if (actor.isKnown()) {
        if (const QString r = Workflow::trashRefusal(actor); !r.isEmpty()) {
            return workflowRefusal(r);
        }
    }
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    StoryRepository rows(mDb);
    const Result<Story> story = rows.get(storyId);
    if (!story) {
        return story.refusal();
    }
    if (const Status moved = rows.setDeleted(storyId, trashed); !moved) {
        return moved;
    }
    if (const Status audited =
            AuditLog(mDb).append(trashed ? AuditAction::Trashed : AuditAction::Untrashed, storyId,
                                 actor, story->headline);
        !audited) {
        return audited;
    }
    if (const Status logged = log(*story, trashed ? ChangeKind::Trashed : ChangeKind::Untrashed,
                                  actor, ChangedFields(), std::nullopt, nullptr);
        !logged) {
        return logged;
    }
    return tx.finish();
}

Result<int> StoryWriter::purgeTrash(const Person &actor)
{
    if (const QString refusal = Workflow::deleteRefusal(actor); !refusal.isEmpty()) {
        return workflowRefusal(refusal);
    }
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun.refusal();
    }
    TrashRepository trash(mDb);
    const Result<QVector<TrashedStory>> stories = trash.all();
    if (!stories) {
        Refusal r = stories.refusal();
        r.kind = RefusalKind::CannotReadTrash;
        return r;
    }
    for (const TrashedStory &trashed : *stories) {
        Story story;
        story.id = trashed.id;
        story.uuid = trashed.uuid;
        if (const Status audited =
                AuditLog(mDb).append(AuditAction::Deleted, trashed.id, actor, trashed.headline);
            !audited) {
            return audited.refusal();
        }
        if (const Status logged =
                log(story, ChangeKind::Purged, actor, ChangedFields(), std::nullopt, nullptr);
            !logged) {
            return logged.refusal();
        }
    }
    const Result<int> deleted = trash.deleteAll();
    if (!deleted) {
        return deleted;
    }
    if (const Status done = tx.finish(); !done) {
        return done.refusal();
    }
    return deleted;
}

Result<Revision> StoryWriter::recordPast(Story &story, std::optional<StoryStatus> to,
                                         const ChangeContext &context, const QByteArray &hash)
{
    const Story before = story;
    Result<Revision> revision = Refusal(RefusalKind::StateRevisionMissing);
    if (to) {
        story.status = *to;
        revision = StoryHistory(mDb).recordStateChange(before, story, context, hash);
    } else {
        revision = StoryHistory(mDb).recordCreated(story, context.actor);
    }
    if (!revision) {
        return revision;
    }
    if (const Status logged =
            log(story, ChangeKind::History, context.actor, ChangedFields(), *revision, nullptr,
                to ? std::optional<StoryStatus>(before.status) : std::nullopt, to);
        !logged) {
        return logged.refusal();
    }
    return revision;
}

} // namespace fo
