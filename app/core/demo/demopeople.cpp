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

bool addPeople(Database &db, DemoPeople *people, QString *error)
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
        if (!repo.add(*e.person, nobody, error)) {
            return false;
        }
    }
    return true;
}

/// Records one step of the story's past: a state revision (at `at`) and its audit row.
std::optional<Revision> step(Database &db, Story &story, StoryStatus to, const Person &actor,
                             AuditAction action, const QString &note, const QDateTime &at,
                             QString *error)
{
    ChangeContext context;
    context.actor = actor;
    context.action = action;
    context.note = note;
    context.at = at;
    return StoryWriter(db).recordPast(story, to, context, error);
}

/// The story's past, spread between its creation and its last update so that the history
/// reads like the archive it pretends to be: created, submitted, reviewed, released.
bool addHistory(Database &db, const DemoPeople &p, const Story &stored, QString *error)
{
    const StoryStatus finalStatus = stored.status;
    Story story = stored;
    story.status = StoryStatus::Draft;
    ChangeContext created;
    created.actor = p.editor;
    if (!StoryWriter(db).recordPast(story, std::nullopt, created, error)) {
        return false;
    }
    const qint64 span = qMax<qint64>(0, stored.createdAt.secsTo(stored.updatedAt));
    auto when = [&stored, span](int thirds) { return stored.createdAt.addSecs(span * thirds / 3); };
    switch (finalStatus) {
    case StoryStatus::Draft:
        return true;
    case StoryStatus::Archived:
        return bool(step(db, story, StoryStatus::Archived, p.admin, AuditAction::Archived,
                         QString(), when(3), error));
    default:
        break;
    }
    if (!step(db, story, StoryStatus::InReview, p.editor, AuditAction::Submitted, QString(),
              when(finalStatus == StoryStatus::InReview ? 3 : 1), error)) {
        return false;
    }
    if (finalStatus == StoryStatus::InReview) {
        return true;
    }
    if (finalStatus == StoryStatus::ChangesRequested) {
        const QString comment = QStringLiteral(
            "Please tighten the summary to one sentence and check that every pseudonym has its "
            "asterisk and footnote.");
        return step(db, story, StoryStatus::ChangesRequested, p.reviewer,
                    AuditAction::ChangesRequested, comment, when(3), error) &&
               CommentRepository(db).add(story.id, p.reviewer, comment, CommentAnchor(), 0, error);
    }
    const std::optional<Revision> approved =
        step(db, story, StoryStatus::Approved, p.reviewer, AuditAction::Approved,
             QStringLiteral("sha256 %1").arg(QString::fromLatin1(contentHash(story))),
             when(finalStatus == StoryStatus::Approved ? 3 : 2), error);
    if (!approved || !ApprovalRepository(db).add(*approved, p.reviewer, error)) {
        return false;
    }
    if (finalStatus == StoryStatus::Released) {
        return bool(step(db, story, StoryStatus::Released, p.exporter, AuditAction::Released,
                         QString(), when(3), error));
    }
    return true;
}

} // namespace

bool addDemoPeopleAndApprovals(Database &db, QString *error)
{
    NestedTransaction tx(db.connection());
    if (!tx.started(error)) {
        return false;
    }
    DemoPeople people;
    if (!addPeople(db, &people, error)) {
        return false;
    }
    StoryRepository stories(db);
    StoryFilter all;
    all.includeDeleted = true;
    QString listError;
    const QVector<StoryRow> rows = stories.list(all, 0, 100000, false, &listError);
    if (!listError.isEmpty()) {
        *error = listError;
        return false;
    }
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        const std::optional<Story> story = stories.get(it->id, error);
        if (!story || !addHistory(db, people, *story, error)) {
            return false;
        }
    }
    return tx.commit(error);
}

} // namespace fo
