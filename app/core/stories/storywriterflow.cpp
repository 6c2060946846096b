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

std::optional<WorkflowResult> StoryWriter::perform(qint64 storyId, WorkflowAction action,
                                                   const Person &actor, const QString &comment,
                                                   QString *error)
{
    NestedTransaction tx(mDb.connection());
    if (!tx.started(error)) {
        return std::nullopt;
    }
    // Read once, hash once: the state write, the state revision and the approval use both.
    const std::optional<Story> story = StoryRepository(mDb).get(storyId, error);
    if (!story) {
        return std::nullopt;
    }
    if (const QString r = Workflow::refusal(story->status, action, actor, comment); !r.isEmpty()) {
        *error = r;
        return std::nullopt;
    }
    if (action == WorkflowAction::Approve) {
        if (const QString r = Workflow(mDb).ownChangeRefusal(storyId, actor); !r.isEmpty()) {
            *error = r;
            return std::nullopt;
        }
    }
    if (action == WorkflowAction::Release) {
        // Status alone is not enough: only a version someone approved may be released.
        const ApprovalState a = Workflow(mDb).approvalState(*story);
        if (!a.valid) {
            *error = QStringLiteral("cannot release: %1").arg(a.reason);
            return std::nullopt;
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
    if (!writeStatus(*story, result.to, context, hash, &written, error)) {
        return std::nullopt;
    }
    if (!written.revision) {
        *error = QStringLiteral("the state revision is missing");
        return std::nullopt;
    }
    result.revision = *written.revision;
    if (action == WorkflowAction::Approve) {
        result.approval = ApprovalRepository(mDb).add(result.revision, actor, error);
        if (!result.approval) {
            return std::nullopt;
        }
    }
    if (!comment.trimmed().isEmpty() &&
        !CommentRepository(mDb).add(storyId, actor, comment, CommentAnchor(), 0, error)) {
        return std::nullopt;
    }
    if (!tx.commit(error)) {
        return std::nullopt;
    }
    return result;
}

std::optional<WorkflowResult> StoryWriter::submitAndApprove(qint64 storyId, const Person &actor,
                                                            const QString &comment, QString *error)
{
    NestedTransaction tx(mDb.connection());
    if (!tx.started(error)) {
        return std::nullopt;
    }
    const std::optional<Story> story = StoryRepository(mDb).get(storyId, error);
    if (!story) {
        return std::nullopt;
    }
    if (const QString r = Workflow(mDb).submitAndApproveRefusal(story->status, actor);
        !r.isEmpty()) {
        *error = r;
        return std::nullopt;
    }
    // The submit is the reviewer's own, recorded as a submit: the history shows both steps.
    ChangeContext context;
    context.actor = actor;
    context.action = actionAuditAction(WorkflowAction::Submit);
    Written submitted;
    if (!writeStatus(*story, StoryStatus::InReview, context, contentHash(*story), &submitted,
                     error)) {
        return std::nullopt;
    }
    std::optional<WorkflowResult> approved =
        perform(storyId, WorkflowAction::Approve, actor, comment, error);
    if (!approved || !tx.commit(error)) {
        return std::nullopt;
    }
    approved->from = story->status;
    return approved;
}

std::optional<Revision> StoryWriter::restore(qint64 storyId, int number, const Person &actor,
                                             QString *error)
{
    NestedTransaction tx(mDb.connection());
    if (!tx.started(error)) {
        return std::nullopt;
    }
    const std::optional<Story> current = StoryRepository(mDb).get(storyId, error);
    if (!current) {
        return std::nullopt;
    }
    if (const QString r = Workflow::editRefusal(current->status, actor); !r.isEmpty()) {
        *error = r;
        return std::nullopt;
    }
    const std::optional<Revision> old = RevisionRepository(mDb).get(storyId, number, error);
    if (!old) {
        return std::nullopt;
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
        *error =
            QStringLiteral("nothing to restore: revision %1 has the current content").arg(number);
        return std::nullopt;
    }
    ChangeContext context;
    context.actor = actor;
    context.action = AuditAction::Restored;
    context.note = QStringLiteral("restored from revision %1").arg(number);
    Written written;
    if (!update(restored, context, error, &written)) {
        return std::nullopt;
    }
    if (!written.revision) {
        *error = QStringLiteral("the restored revision is missing");
        return std::nullopt;
    }
    if (!tx.commit(error)) {
        return std::nullopt;
    }
    return written.revision;
}

bool StoryWriter::setTrashed(qint64 storyId, bool trashed, const Person &actor, QString *error)
{
    if (actor.isKnown()) {
        if (const QString r = Workflow::trashRefusal(actor); !r.isEmpty()) {
            *error = r;
            return false;
        }
    }
    NestedTransaction tx(mDb.connection());
    if (!tx.started(error)) {
        return false;
    }
    StoryRepository rows(mDb);
    const std::optional<Story> story = rows.get(storyId, error);
    if (!story || !rows.setDeleted(storyId, trashed, error) ||
        !AuditLog(mDb).record(trashed ? AuditAction::Trashed : AuditAction::Untrashed, storyId,
                              actor, story->headline, error) ||
        !log(*story, trashed ? ChangeKind::Trashed : ChangeKind::Untrashed, actor, ChangedFields(),
             std::nullopt, nullptr, error)) {
        return false;
    }
    return tx.commit(error);
}

int StoryWriter::purgeTrash(const Person &actor, QString *error)
{
    if (const QString refusal = Workflow::deleteRefusal(actor); !refusal.isEmpty()) {
        *error = refusal;
        return -1;
    }
    NestedTransaction tx(mDb.connection());
    if (!tx.started(error)) {
        return -1;
    }
    TrashRepository trash(mDb);
    QString readError;
    const QVector<TrashedStory> stories = trash.all(&readError);
    if (!readError.isEmpty()) {
        *error = QStringLiteral("cannot read the Trash: %1").arg(readError);
        return -1;
    }
    for (const TrashedStory &trashed : stories) {
        Story story;
        story.id = trashed.id;
        story.uuid = trashed.uuid;
        if (!AuditLog(mDb).record(AuditAction::Deleted, trashed.id, actor, trashed.headline,
                                  error) ||
            !log(story, ChangeKind::Purged, actor, ChangedFields(), std::nullopt, nullptr, error)) {
            return -1;
        }
    }
    const int deleted = trash.deleteAll(error);
    if (deleted < 0 || !tx.commit(error)) {
        return -1;
    }
    return deleted;
}

std::optional<Revision> StoryWriter::recordPast(Story &story, std::optional<StoryStatus> to,
                                                const ChangeContext &context, QString *error,
                                                const QByteArray &hash)
{
    const Story before = story;
    std::optional<Revision> revision;
    if (to) {
        story.status = *to;
        revision = StoryHistory(mDb).recordStateChange(before, story, context, error, hash);
    } else {
        revision = StoryHistory(mDb).recordCreated(story, context.actor, error);
    }
    if (!revision ||
        !log(story, ChangeKind::History, context.actor, ChangedFields(), revision, nullptr, error,
             to ? std::optional<StoryStatus>(before.status) : std::nullopt, to)) {
        return std::nullopt;
    }
    return revision;
}

} // namespace fo
