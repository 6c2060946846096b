#include "stories/storyservice.h"

#include "library/auditlog.h"
#include "library/database.h"
#include "library/nestedtransaction.h"
#include "history/storyhistory.h"
#include "stories/storyrepository.h"
#include "stories/trashrepository.h"
#include "workflow/workflow.h"

namespace fo {

namespace {

/// Deleting for good is what moving to the Trash leads to: the same people may do both.
QString trashRefusal(const Person &actor)
{
    if (!actor.isKnown() || actor.has(Role::Editor) || actor.has(Role::Admin)) {
        return QString();
    }
    return QStringLiteral("%1 cannot delete stories: that needs the editor or admin role")
        .arg(actor.name);
}

} // namespace

std::optional<Story> StoryService::get(qint64 id, QString *error) const
{
    return StoryRepository(mDb).get(id, error);
}

bool StoryService::isInTrash(qint64 id) const
{
    return TrashRepository(mDb).contains(id);
}

QString StoryService::editRefusal(const Story &story) const
{
    if (mDb.isReadOnly()) {
        return QStringLiteral("This library is read-only: the file or its folder cannot be "
                              "written, so changes could not be saved.");
    }
    if (isInTrash(story.id)) {
        return QStringLiteral("This story is in the Trash. Restore it to edit it.");
    }
    if (mActor.isKnown()) {
        return Workflow::editRefusal(story.status, mActor);
    }
    return QString();
}

QString StoryService::statusText(const Story &story) const
{
    return Workflow::statusText(story.status, Workflow(mDb).approvalState(story));
}

bool StoryService::save(const Story &story, QString *error)
{
    return mActor.isKnown() ? StoryRepository(mDb).update(story, mActor, error)
                            : StoryRepository(mDb).update(story, error);
}

bool StoryService::save(const Story &base, const Story &mine, SaveResult *result, QString *error)
{
    ChangeContext context;
    context.actor = mActor;
    return StoryRepository(mDb).update(base, mine, context, result, error);
}

bool StoryService::recover(const Story &base, const Story &mine, SaveResult *result, QString *error)
{
    ChangeContext context;
    context.actor = mActor;
    context.note = QStringLiteral("recovered unsaved changes");
    context.separateRevision = true;
    return StoryRepository(mDb).update(base, mine, context, result, error);
}

bool StoryService::create(Story &story, QString *error)
{
    return mActor.isKnown() ? StoryRepository(mDb).create(story, mActor, error)
                            : StoryRepository(mDb).create(story, error);
}

std::optional<Story> StoryService::createBlank(const QString &officeName, QString *error)
{
    Story story;
    story.officeName = officeName;
    if (!create(story, error)) {
        return std::nullopt;
    }
    return get(story.id, error);
}

std::optional<Story> StoryService::duplicate(qint64 id, QString *error)
{
    const std::optional<Story> source = get(id, error);
    if (!source) {
        return std::nullopt;
    }
    Story copy = *source;
    copy.id = 0;
    copy.uuid.clear();
    copy.status = StoryStatus::Draft;
    copy.createdAt = QDateTime();
    copy.updatedAt = QDateTime();
    copy.headline = source->headline.trimmed().isEmpty()
                        ? QStringLiteral("Copy")
                        : QStringLiteral("%1 (copy)").arg(source->headline);
    if (!create(copy, error)) {
        return std::nullopt;
    }
    return get(copy.id, error);
}

bool StoryService::archive(qint64 id, QString *error)
{
    if (mActor.isKnown()) {
        return Workflow(mDb)
            .perform(id, WorkflowAction::Archive, mActor, QString(), error)
            .has_value();
    }
    ChangeContext context;
    context.action = AuditAction::Archived;
    return StoryRepository(mDb).setStatus(id, StoryStatus::Archived, context, error);
}

bool StoryService::moveToTrash(qint64 id, QString *error)
{
    return setTrashed(id, true, error);
}

bool StoryService::restoreFromTrash(qint64 id, QString *error)
{
    return setTrashed(id, false, error);
}

bool StoryService::setTrashed(qint64 id, bool trashed, QString *error)
{
    if (mActor.isKnown()) {
        return Workflow(mDb).setTrashed(id, trashed, mActor, error);
    }
    NestedTransaction tx(mDb.connection());
    if (!tx.started(error)) {
        return false;
    }
    const std::optional<Story> story = get(id, error);
    if (!story || !StoryRepository(mDb).setDeleted(id, trashed, error) ||
        !AuditLog(mDb).record(trashed ? AuditAction::Trashed : AuditAction::Untrashed, id, mActor,
                              story->headline, error)) {
        return false;
    }
    return tx.commit(error);
}

int StoryService::emptyTrash(QString *error)
{
    if (const QString refusal = trashRefusal(mActor); !refusal.isEmpty()) {
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
    for (const TrashedStory &story : stories) {
        if (!AuditLog(mDb).record(AuditAction::Deleted, story.id, mActor, story.headline, error)) {
            return -1;
        }
    }
    const int deleted = trash.deleteAll(error);
    if (deleted < 0 || !tx.commit(error)) {
        return -1;
    }
    return deleted;
}

int StoryService::trashCount() const
{
    return TrashRepository(mDb).count();
}

bool StoryService::trashHasStories() const
{
    return TrashRepository(mDb).hasStories();
}

} // namespace fo
