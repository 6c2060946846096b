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
/// form. Refused when a new office cannot be created.
Status normalise(Database &db, const Story &current, Story *story)
{
    story->status = current.status;
    if (!story->officeName.trimmed().isEmpty()) {
        if (story->officeName.compare(current.officeName, Qt::CaseInsensitive) != 0 ||
            !story->officeId) {
            const Result<qint64> office = OfficeRepository(db).findOrCreate(
                story->officeName, story->datelineCity, story->datelineCountry);
            if (!office) {
                return office.refusal();
            }
            story->officeId = *office;
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
    return Status();
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

Status StoryWriter::log(const Story &story, ChangeKind kind, const Person &actor,
                        ChangedFields fields, const std::optional<Revision> &revision,
                        qint64 *sequence, std::optional<StoryStatus> from,
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
        // SQLite's text alone (no code): the words the log's failure always had.
        Refusal r(RefusalKind::CannotSaveStory, QString(), appended.refusal().detail);
        r.id = story.id;
        return r;
    }
    if (sequence) {
        *sequence = change.sequence;
    }
    return Status();
}

Status StoryWriter::create(Story &story)
{
    return create(story, ChangeContext());
}

Status StoryWriter::create(Story &story, const Person &actor)
{
    ChangeContext context;
    context.actor = actor;
    return create(story, context);
}

Status StoryWriter::create(Story &story, const ChangeContext &context, Written *written)
{
    if (const Status within = withinStoryLimits(story); !within) {
        return within;
    }
    // A named person creates only with the editor role (issue 12 item 17); tools (import
    // without --as, the demo, tests) name nobody and are not asked.
    if (context.actor.isKnown()) {
        if (std::optional<Refusal> r = Workflow::createRefusal(context.actor)) {
            return *r;
        }
    }
    NestedTransaction sp(mDb.connection());
    if (const Status begun = sp.begun(); !begun) {
        return begun;
    }
    StoryRepository rows(mDb);
    if (const Status inserted = rows.insert(story); !inserted) {
        return inserted;
    }
    Written w;
    w.kind = context.change.value_or(ChangeKind::Created);
    w.stored = story;
    if (context.actor.isKnown()) {
        // As stored (the office's name as the library spells it): the revision is exact.
        const Result<Story> stored = rows.get(story.id);
        if (!stored) {
            return stored.refusal();
        }
        w.stored = *stored;
        const Result<Revision> revision = StoryHistory(mDb).recordCreated(*stored, context.actor);
        if (!revision) {
            return revision.refusal();
        }
        w.revision = *revision;
    }
    w.from = w.to = w.stored.status;
    if (const Status logged =
            log(w.stored, w.kind, context.actor, ChangedFields(), w.revision, &w.change);
        !logged) {
        return logged;
    }
    if (const Status done = sp.finish(); !done) {
        return done;
    }
    if (written) {
        *written = w;
    }
    return Status();
}

Status StoryWriter::update(const Story &story)
{
    return update(story, ChangeContext());
}

Status StoryWriter::update(const Story &story, const Person &actor)
{
    ChangeContext context;
    context.actor = actor;
    return update(story, context);
}

Status StoryWriter::update(const Story &input, const ChangeContext &context, Written *written)
{
    if (const Status within = withinStoryLimits(input); !within) {
        return within;
    }
    NestedTransaction sp(mDb.connection());
    if (const Status begun = sp.begun(); !begun) {
        return begun;
    }
    StoryRepository rows(mDb);
    const Result<Story> current = rows.get(input.id);
    if (!current) {
        return current.refusal();
    }
    if (context.actor.isKnown()) {
        if (const QString refusal = Workflow::editRefusal(current->status, context.actor);
            !refusal.isEmpty()) {
            return Refusal(RefusalKind::WorkflowRefused, QString(), refusal);
        }
    }
    Story story = input;
    if (const Status normal = normalise(mDb, *current, &story); !normal) {
        return normal;
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
        return sp.finish();
    }
    if (const Status changed = writeContent(*current, story, context, &w); !changed) {
        return changed;
    }
    if (const Status done = sp.finish(); !done) {
        return done;
    }
    if (written) {
        *written = w;
    }
    return Status();
}

Status StoryWriter::writeContent(const Story &current, Story story, const ChangeContext &context,
                                 Written *w)
{
    // The story as it was becomes revision 1 when its history starts with this change.
    if (const Status baseline = RevisionRepository(mDb).ensureBaseline(current); !baseline) {
        return baseline;
    }
    StoryRepository rows(mDb);
    const QDateTime now = Clock::now();
    story.updatedAt = now;
    if (const Status wrote = rows.writeContent(story); !wrote) {
        return wrote;
    }
    Result<Story> after = rows.get(story.id);
    if (!after) {
        return after.refusal();
    }
    // An approval is for one exact version: a change to anything an export shows ends it,
    // whoever makes it and however (autosave, restore, import, the command line), because
    // every change passes here.
    w->approvalLost = approvedState(current.status) && contentHash(*after) != contentHash(current);
    if (w->approvalLost) {
        if (const Status drafted = rows.writeStatus(story.id, StoryStatus::Draft, now); !drafted) {
            return drafted;
        }
        after->status = StoryStatus::Draft;
    }
    const Result<Revision> revision =
        StoryHistory(mDb).recordEdit(current, *after, context, w->approvalLost, nullptr);
    if (!revision) {
        return revision.refusal();
    }
    w->revision = *revision;
    w->stored = *after;
    w->to = after->status;
    w->fields = fieldsChanged(current, *after);
    return log(*after, w->kind, context.actor, w->fields, w->revision, &w->change,
               w->approvalLost ? std::optional<StoryStatus>(w->from) : std::nullopt,
               w->approvalLost ? std::optional<StoryStatus>(w->to) : std::nullopt);
}

Status StoryWriter::update(const Story &base, const Story &mine, const ChangeContext &context,
                           SaveResult *result, Written *written)
{
    NestedTransaction sp(mDb.connection());
    if (const Status begun = sp.begun(); !begun) {
        return begun;
    }
    // Read inside the write transaction: nobody can change the story between this and the write.
    const Result<Story> current = StoryRepository(mDb).get(mine.id);
    if (!current) {
        return current.refusal();
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
    if (const Status updated = update(input, merging, &w); !updated) {
        return updated;
    }
    result->stored = w.stored;
    if (const Status done = sp.finish(); !done) {
        return done;
    }
    if (written) {
        *written = w;
    }
    return Status();
}

Status StoryWriter::setStatus(qint64 id, StoryStatus status)
{
    ChangeContext context;
    context.action = AuditAction::StatusChanged;
    return setStatus(id, status, context);
}

Status StoryWriter::setStatus(qint64 id, StoryStatus status, const ChangeContext &context,
                              Written *written)
{
    NestedTransaction sp(mDb.connection());
    if (const Status begun = sp.begun(); !begun) {
        return begun;
    }
    const Result<Story> before = StoryRepository(mDb).get(id);
    if (!before) {
        return before.refusal();
    }
    Written w;
    if (const Status wrote = writeStatus(*before, status, context, QByteArray(), &w); !wrote) {
        return wrote;
    }
    if (const Status done = sp.finish(); !done) {
        return done;
    }
    if (written) {
        *written = w;
    }
    return Status();
}

Status StoryWriter::writeStatus(const Story &before, StoryStatus to, const ChangeContext &context,
                                const QByteArray &hash, Written *written)
{
    const bool changes = before.status != to;
    if (changes) {
        if (const Status baseline = RevisionRepository(mDb).ensureBaseline(before); !baseline) {
            return baseline;
        }
    }
    const QDateTime now = Clock::now();
    if (const Status wrote = StoryRepository(mDb).writeStatus(before.id, to, now); !wrote) {
        return wrote;
    }
    written->kind = ChangeKind::StatusChanged;
    written->from = before.status;
    written->to = to;
    written->stored = before;
    written->stored.status = to;
    written->stored.updatedAt = now;
    if (!changes) {
        return Status();
    }
    const Result<Revision> revision =
        StoryHistory(mDb).recordStateChange(before, written->stored, context, hash);
    if (!revision) {
        return revision.refusal();
    }
    written->revision = *revision;
    return log(written->stored, ChangeKind::StatusChanged, context.actor, ChangedFields(),
               written->revision, &written->change, before.status, to);
}

} // namespace fo
