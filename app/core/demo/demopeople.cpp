#include "demo/demopeople.h"

#include "comments/commentrepository.h"
#include "domain/contenthash.h"
#include "history/approvalrepository.h"
#include "history/revisionrepository.h"
#include "history/storyhistory.h"
#include "library/database.h"
#include "library/nestedtransaction.h"
#include "people/personrepository.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

namespace fo {

namespace {

struct DemoPeople
{
    Person editor;
    Person reviewer;
    Person exporter;
    Person admin;
};

Status addPeople(Database &db, DemoPeople *people)
{
    PersonRepository repo(db);
    const Person nobody;
    struct Entry
    {
        Person *person;
        const char *name;
        Role role;
    } entries[] = {
        {&people->editor, "Grace Achieng", Role::Editor},
        {&people->reviewer, "Rahul Sen", Role::Reviewer},
        {&people->exporter, "Maria Santos", Role::Exporter},
        {&people->admin, "Admin", Role::Admin},
    };
    for (const Entry &e : entries) {
        e.person->name = QString::fromUtf8(e.name);
        e.person->roles = e.role;
        if (const Status added = repo.add(*e.person, nobody); !added) {
            return added;
        }
    }
    return Status();
}

/// Records one step of the story's past: a state revision (at `at`) and its audit row.
Result<Revision> step(Database &db, Story &story, StoryStatus to, const Person &actor,
                      AuditAction action, const QString &note, const QDateTime &at)
{
    ChangeContext context;
    context.actor = actor;
    context.action = action;
    context.note = note;
    context.at = at;
    return StoryWriter(db).recordPast(story, to, context);
}

Status done(const Result<Revision> &revision)
{
    return revision ? Status() : Status(revision.refusal());
}

/// The story's past, spread between its creation and its last update so that the history
/// reads like the archive it pretends to be: created, submitted, reviewed, released.
Status addHistory(Database &db, const DemoPeople &p, const Story &stored)
{
    const StoryStatus finalStatus = stored.status;
    Story story = stored;
    story.status = StoryStatus::Draft;
    ChangeContext created;
    created.actor = p.editor;
    if (const Status past = done(StoryWriter(db).recordPast(story, std::nullopt, created)); !past) {
        return past;
    }
    const qint64 span = qMax<qint64>(0, stored.createdAt.secsTo(stored.updatedAt));
    auto when = [&stored, span](int thirds) { return stored.createdAt.addSecs(span * thirds / 3); };
    switch (finalStatus) {
    case StoryStatus::Draft:
        return Status();
    case StoryStatus::Archived:
        return done(step(db, story, StoryStatus::Archived, p.admin, AuditAction::Archived,
                         QString(), when(3)));
    default:
        break;
    }
    if (const Status submitted =
            done(step(db, story, StoryStatus::InReview, p.editor, AuditAction::Submitted, QString(),
                      when(finalStatus == StoryStatus::InReview ? 3 : 1)));
        !submitted || finalStatus == StoryStatus::InReview) {
        return submitted;
    }
    if (finalStatus == StoryStatus::ChangesRequested) {
        const QString comment = QStringLiteral(
            "Please tighten the summary to one sentence and check that every pseudonym has its "
            "asterisk and footnote.");
        if (const Status requested = done(step(db, story, StoryStatus::ChangesRequested, p.reviewer,
                                               AuditAction::ChangesRequested, comment, when(3)));
            !requested) {
            return requested;
        }
        const Result<Comment> added =
            CommentRepository(db).add(story.id, p.reviewer, comment, CommentAnchor(), 0);
        return added ? Status() : Status(added.refusal());
    }
    const Result<Revision> approved =
        step(db, story, StoryStatus::Approved, p.reviewer, AuditAction::Approved,
             QStringLiteral("sha256 %1").arg(QString::fromLatin1(contentHash(story))),
             when(finalStatus == StoryStatus::Approved ? 3 : 2));
    if (!approved) {
        return approved.refusal();
    }
    if (const Result<Approval> approval = ApprovalRepository(db).add(*approved, p.reviewer);
        !approval) {
        return approval.refusal();
    }
    if (finalStatus == StoryStatus::Released) {
        return done(step(db, story, StoryStatus::Released, p.exporter, AuditAction::Released,
                         QString(), when(3)));
    }
    return Status();
}

} // namespace

Status addDemoPeopleAndApprovals(Database &db)
{
    NestedTransaction tx(db.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    DemoPeople people;
    if (const Status added = addPeople(db, &people); !added) {
        return added;
    }
    StoryRepository stories(db);
    StoryFilter all;
    all.includeDeleted = true;
    const Result<QVector<StoryRow>> rows = stories.list(all, 0, 100000, false);
    if (!rows) {
        return rows.refusal();
    }
    for (auto it = rows->crbegin(); it != rows->crend(); ++it) {
        const Result<Story> story = stories.get(it->id);
        if (!story) {
            return story.refusal();
        }
        if (const Status history = addHistory(db, people, *story); !history) {
            return history;
        }
    }
    return tx.finish();
}

} // namespace fo
