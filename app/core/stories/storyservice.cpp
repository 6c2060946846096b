#include "stories/storyservice.h"

#include "library/database.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"
#include "stories/trashrepository.h"
#include "workflow/workflow.h"

namespace fo {

Result<Story> StoryService::get(qint64 id) const
{
    return StoryRepository(mDb).get(id);
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

Status StoryService::mayWrite() const
{
    if (std::optional<Refusal> r = writeRefusal()) {
        return *r;
    }
    return Status();
}

QString StoryService::statusText(const Story &story) const
{
    return Workflow::statusText(story.status, Workflow(mDb).approvalState(story));
}

Status StoryService::save(const Story &story)
{
    if (const Status may = mayWrite(); !may) {
        return may;
    }
    ChangeContext context;
    context.actor = mActor;
    return StoryWriter(mDb).update(story, context);
}

Status StoryService::save(const Story &base, const Story &mine, SaveResult *result)
{
    if (const Status may = mayWrite(); !may) {
        return may;
    }
    ChangeContext context;
    context.actor = mActor;
    return StoryWriter(mDb).update(base, mine, context, result);
}

Status StoryService::recover(const Story &base, const Story &mine, SaveResult *result)
{
    if (const Status may = mayWrite(); !may) {
        return may;
    }
    ChangeContext context;
    context.actor = mActor;
    context.note = QStringLiteral("recovered unsaved changes");
    context.separateRevision = true;
    context.change = ChangeKind::Recovered;
    return StoryWriter(mDb).update(base, mine, context, result);
}

Status StoryService::create(Story &story)
{
    if (const Status may = mayWrite(); !may) {
        return may;
    }
    ChangeContext context;
    context.actor = mActor;
    return StoryWriter(mDb).create(story, context);
}

Result<Story> StoryService::createBlank(const QString &officeName)
{
    Story story;
    story.officeName = officeName;
    if (const Status created = create(story); !created) {
        return created.refusal();
    }
    return get(story.id);
}

Result<Story> StoryService::duplicate(qint64 id)
{
    const Result<Story> source = get(id);
    if (!source) {
        return source;
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
    if (const Status created = create(copy); !created) {
        return created.refusal();
    }
    return get(copy.id);
}

Status StoryService::archive(qint64 id)
{
    if (const Status may = mayWrite(); !may) {
        return may;
    }
    const Result<WorkflowResult> done =
        StoryWriter(mDb).perform(id, WorkflowAction::Archive, mActor, QString());
    return done ? Status() : Status(done.refusal());
}

Status StoryService::moveToTrash(qint64 id)
{
    return setTrashed(id, true);
}

Status StoryService::restoreFromTrash(qint64 id)
{
    return setTrashed(id, false);
}

Status StoryService::setTrashed(qint64 id, bool trashed)
{
    if (const Status may = mayWrite(); !may) {
        return may;
    }
    return StoryWriter(mDb).setTrashed(id, trashed, mActor);
}

Result<int> StoryService::emptyTrash()
{
    if (const Status may = mayWrite(); !may) {
        return may.refusal();
    }
    return StoryWriter(mDb).purgeTrash(mActor);
}

int StoryService::trashCount() const
{
    const Result<int> n = TrashRepository(mDb).count();
    return n ? *n : -1;
}

bool StoryService::trashHasStories() const
{
    return TrashRepository(mDb).hasStories();
}

} // namespace fo
