// The writer's content changes: create, update (with a base: merge), a state set directly, and
// the change log row every change ends with. Transitions, restore and the Trash are in
// storywriterflow.cpp.

#include "stories/storywriter.h"

#include "base/clock.h"
#include "domain/contenthash.h"
#include "domain/storylimits.h"
#include "library/database.h"
#include "library/nestedtransaction.h"
#include "library/officerepository.h"
#include "library/tagrepository.h"
#include "stories/storyrepository.h"

#include <algorithm>

namespace fo {

namespace {

/// States that carry an approval of an exact version.
bool approvedState(StoryStatus status)
{
    return status == StoryStatus::Approved || status == StoryStatus::Released;
}

bool sameContent(const Story &a, const Story &b)
{
    return a.headline == b.headline && a.datelineCity == b.datelineCity &&
           a.datelineCountry == b.datelineCountry && a.officeId == b.officeId &&
           a.byline == b.byline && a.summary == b.summary && a.body == b.body &&
           a.language == b.language && a.status == b.status && a.embargoAt == b.embargoAt &&
           a.tags == b.tags;
}

/// `input` as it would be stored over `current`: its state, its office's id, its tags in stored
/// form. False and `error` when a new office cannot be created.
bool normalise(Database &db, const Story &current, Story *story, QString *error)
{
    story->status = current.status;
    if (!story->officeName.trimmed().isEmpty()) {
        if (story->officeName.compare(current.officeName, Qt::CaseInsensitive) != 0 ||
            !story->officeId) {
            story->officeId = OfficeRepository(db).findOrCreate(
                story->officeName, story->datelineCity, story->datelineCountry, error);
            if (!story->officeId) {
                return false;
            }
        }
    } else {
        story->officeId = 0;
    }
    QStringList tags;
    for (const QString &t : std::as_const(story->tags)) {
        if (!t.trimmed().isEmpty()) {
            tags << TagLabel::parse(t).toString();
        }
    }
    story->tags = tags;
    return true;
}

/// The change log's name for a content write.
ChangeKind contentChangeKind(const ChangeContext &context)
{
    if (context.change) {
        return *context.change;
    }
    return context.action == AuditAction::Restored ? ChangeKind::Restored : ChangeKind::Edited;
}

} // namespace

bool StoryWriter::log(const Story &story, ChangeKind kind, const Person &actor,
                      ChangedFields fields, const std::optional<Revision> &revision,
                      qint64 *sequence, QString *error, std::optional<StoryStatus> from,
                      std::optional<StoryStatus> to)
{
    Change change;
    change.storyId = story.id;
    change.storyUuid = story.uuid;
    change.kind = kind;
    change.from = from;
    change.to = to;
    change.fields = fields;
    change.personId = actor.isKnown() ? actor.id : 0;
    change.personName = actor.name;
    change.revision = revision ? revision->number : 0;
    const Status appended = ChangeLog(mDb).append(change);
    if (!appended) {
        *error =
            QStringLiteral("cannot save story %1: %2").arg(story.id).arg(appended.refusal().detail);
        return false;
    }
    if (sequence) {
        *sequence = change.sequence;
    }
    return true;
}

bool StoryWriter::create(Story &story, QString *error)
{
    return create(story, ChangeContext(), error);
}

bool StoryWriter::create(Story &story, const Person &actor, QString *error)
{
    ChangeContext context;
    context.actor = actor;
    return create(story, context, error);
}

bool StoryWriter::create(Story &story, const ChangeContext &context, QString *error,
                         Written *written)
{
    if (!withinStoryLimits(story, error)) {
        return false;
    }
    // A named person creates only with the editor role (issue 12 item 17); tools (import
    // without --as, the demo, tests) name nobody and are not asked.
    if (context.actor.isKnown() && Workflow::createRefusal(context.actor)) {
        *error = QStringLiteral("%1 cannot create stories: that needs the editor role")
                     .arg(context.actor.name);
        return false;
    }
    NestedTransaction sp(mDb.connection());
    if (!sp.started(error)) {
        return false;
    }
    StoryRepository rows(mDb);
    if (!rows.insert(story, error)) {
        return false;
    }
    Written w;
    w.kind = context.change.value_or(ChangeKind::Created);
    w.stored = story;
    if (context.actor.isKnown()) {
        // As stored (the office's name as the library spells it): the revision is exact.
        const std::optional<Story> stored = rows.get(story.id, error);
        if (!stored) {
            return false;
        }
        w.stored = *stored;
        w.revision = StoryHistory(mDb).recordCreated(*stored, context.actor, error);
        if (!w.revision) {
            return false;
        }
    }
    w.from = w.to = w.stored.status;
    if (!log(w.stored, w.kind, context.actor, ChangedFields(), w.revision, &w.change, error) ||
        !sp.commit(error)) {
        return false;
    }
    if (written) {
        *written = w;
    }
    return true;
}

bool StoryWriter::update(const Story &story, QString *error)
{
    return update(story, ChangeContext(), error);
}

bool StoryWriter::update(const Story &story, const Person &actor, QString *error)
{
    ChangeContext context;
    context.actor = actor;
    return update(story, context, error);
}

bool StoryWriter::update(const Story &input, const ChangeContext &context, QString *error,
                         Written *written)
{
    if (!withinStoryLimits(input, error)) {
        return false;
    }
    NestedTransaction sp(mDb.connection());
    if (!sp.started(error)) {
        return false;
    }
    StoryRepository rows(mDb);
    const std::optional<Story> current = rows.get(input.id, error);
    if (!current) {
        return false;
    }
    if (context.actor.isKnown()) {
        if (const QString refusal = Workflow::editRefusal(current->status, context.actor);
            !refusal.isEmpty()) {
            *error = refusal;
            return false;
        }
    }
    Story story = input;
    if (!normalise(mDb, *current, &story, error)) {
        return false;
    }
    Written w;
    w.kind = contentChangeKind(context);
    w.from = w.to = current->status;
    w.stored = *current;
    Story sortedNew = story;
    Story sortedOld = *current;
    std::sort(sortedNew.tags.begin(), sortedNew.tags.end());
    std::sort(sortedOld.tags.begin(), sortedOld.tags.end());
    if (sameContent(sortedNew, sortedOld)) {
        if (written) {
            *written = w;
        }
        return sp.commit(error);
    }
    // The story as it was becomes revision 1 when its history starts with this change.
    if (!RevisionRepository(mDb).ensureBaseline(*current, error)) {
        return false;
    }
    const QDateTime now = Clock::now();
    story.updatedAt = now;
    if (!rows.writeContent(story, error)) {
        return false;
    }
    std::optional<Story> after = rows.get(story.id, error);
    if (!after) {
        return false;
    }
    // An approval is for one exact version: a change to anything an export shows ends it,
    // whoever makes it and however (autosave, restore, import, the command line), because
    // every change passes here.
    w.approvalLost = approvedState(current->status) && contentHash(*after) != contentHash(*current);
    if (w.approvalLost) {
        if (!rows.writeStatus(story.id, StoryStatus::Draft, now, error)) {
            return false;
        }
        after->status = StoryStatus::Draft;
    }
    w.revision =
        StoryHistory(mDb).recordEdit(*current, *after, context, w.approvalLost, error, nullptr);
    if (!w.revision) {
        return false;
    }
    w.stored = *after;
    w.to = after->status;
    w.fields = fieldsChanged(*current, *after);
    if (!log(*after, w.kind, context.actor, w.fields, w.revision, &w.change, error,
             w.approvalLost ? std::optional<StoryStatus>(w.from) : std::nullopt,
             w.approvalLost ? std::optional<StoryStatus>(w.to) : std::nullopt) ||
        !sp.commit(error)) {
        return false;
    }
    if (written) {
        *written = w;
    }
    return true;
}

bool StoryWriter::update(const Story &base, const Story &mine, const ChangeContext &context,
                         SaveResult *result, QString *error, Written *written)
{
    NestedTransaction sp(mDb.connection());
    if (!sp.started(error)) {
        return false;
    }
    // Read inside the write transaction: nobody can change the story between this and the write.
    const std::optional<Story> current = StoryRepository(mDb).get(mine.id, error);
    if (!current) {
        return false;
    }
    *result = SaveResult();
    Story input = mine;
    ChangeContext merging = context;
    if (!sameEditableContent(base, *current)) {
        result->merged = true;
        result->merge = mergeStory(base, mine, *current);
        input = result->merge.merged;
        merging.separateRevision = true;
        if (!merging.change) {
            merging.change = ChangeKind::Merged;
        }
        if (const std::optional<Revision> theirs = RevisionRepository(mDb).latest(mine.id)) {
            result->theirRevision = theirs->number;
            result->theirPerson = theirs->personName;
        }
    }
    Written w;
    if (!update(input, merging, error, &w)) {
        return false;
    }
    result->stored = w.stored;
    if (!sp.commit(error)) {
        return false;
    }
    if (written) {
        *written = w;
    }
    return true;
}

bool StoryWriter::setStatus(qint64 id, StoryStatus status, QString *error)
{
    ChangeContext context;
    context.action = AuditAction::StatusChanged;
    return setStatus(id, status, context, error);
}

bool StoryWriter::setStatus(qint64 id, StoryStatus status, const ChangeContext &context,
                            QString *error, Written *written)
{
    NestedTransaction sp(mDb.connection());
    if (!sp.started(error)) {
        return false;
    }
    const std::optional<Story> before = StoryRepository(mDb).get(id, error);
    if (!before) {
        return false;
    }
    Written w;
    if (!writeStatus(*before, status, context, QByteArray(), &w, error) || !sp.commit(error)) {
        return false;
    }
    if (written) {
        *written = w;
    }
    return true;
}

bool StoryWriter::writeStatus(const Story &before, StoryStatus to, const ChangeContext &context,
                              const QByteArray &hash, Written *written, QString *error)
{
    const bool changes = before.status != to;
    if (changes && !RevisionRepository(mDb).ensureBaseline(before, error)) {
        return false;
    }
    const QDateTime now = Clock::now();
    if (!StoryRepository(mDb).writeStatus(before.id, to, now, error)) {
        return false;
    }
    written->kind = ChangeKind::StatusChanged;
    written->from = before.status;
    written->to = to;
    written->stored = before;
    written->stored.status = to;
    written->stored.updatedAt = now;
    if (!changes) {
        return true;
    }
    written->revision =
        StoryHistory(mDb).recordStateChange(before, written->stored, context, error, hash);
    return written->revision &&
           log(written->stored, ChangeKind::StatusChanged, context.actor, ChangedFields(),
               written->revision, &written->change, error, before.status, to);
}

} // namespace fo
