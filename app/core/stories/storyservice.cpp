#include "stories/storyservice.h"

#include "library/database.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"
#include "stories/trashrepository.h"
#include "workflow/workflow.h"

namespace fo {

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
    if (!mActor.isKnown()) {
        return QStringLiteral("Choose who you are to edit (Review ▸ Switch Person…): every "
                              "change is recorded with a person.");
    }
    return Workflow::editRefusal(story.status, mActor);
}

std::optional<Refusal> StoryService::writeRefusal() const
{
    if (!mActor.isKnown()) {
        return Refusal(RefusalKind::NoPersonChosen);
    }
    return std::nullopt;
}

std::optional<Refusal> StoryService::createRefusal() const
{
    if (std::optional<Refusal> r = writeRefusal()) {
        return r;
    }
    return Workflow::createRefusal(mActor);
}

bool StoryService::mayWrite(QString *error) const
{
    if (!writeRefusal()) {
        return true;
    }
    // refusalText()'s words for NoPersonChosen (app/messages sits above core).
    *error = QStringLiteral("say who you are first: every change is recorded with a person "
                            "(Review ▸ Switch Person…)");
    return false;
}

QString StoryService::statusText(const Story &story) const
{
    return Workflow::statusText(story.status, Workflow(mDb).approvalState(story));
}

bool StoryService::save(const Story &story, QString *error)
{
    if (!mayWrite(error)) {
        return false;
    }
    ChangeContext context;
    context.actor = mActor;
    return StoryWriter(mDb).update(story, context, error);
}

bool StoryService::save(const Story &base, const Story &mine, SaveResult *result, QString *error)
{
    if (!mayWrite(error)) {
        return false;
    }
    ChangeContext context;
    context.actor = mActor;
    return StoryWriter(mDb).update(base, mine, context, result, error);
}

bool StoryService::recover(const Story &base, const Story &mine, SaveResult *result, QString *error)
{
    if (!mayWrite(error)) {
        return false;
    }
    ChangeContext context;
    context.actor = mActor;
    context.note = QStringLiteral("recovered unsaved changes");
    context.separateRevision = true;
    context.change = ChangeKind::Recovered;
    return StoryWriter(mDb).update(base, mine, context, result, error);
}

bool StoryService::create(Story &story, QString *error)
{
    if (!mayWrite(error)) {
        return false;
    }
    ChangeContext context;
    context.actor = mActor;
    return StoryWriter(mDb).create(story, context, error);
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
    if (!mayWrite(error)) {
        return false;
    }
    return StoryWriter(mDb)
        .perform(id, WorkflowAction::Archive, mActor, QString(), error)
        .has_value();
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
    if (!mayWrite(error)) {
        return false;
    }
    return StoryWriter(mDb).setTrashed(id, trashed, mActor, error);
}

int StoryService::emptyTrash(QString *error)
{
    if (!mayWrite(error)) {
        return -1;
    }
    return StoryWriter(mDb).purgeTrash(mActor, error);
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
