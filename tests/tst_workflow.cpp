// The editorial workflow in the core: the transition table, approvals bound to content,
// revisions and restore. (The audit trail, people and comments: tst_workflow_audit.cpp.)

#include "comments/commentrepository.h"
#include "domain/contenthash.h"
#include "history/approvalrepository.h"
#include "history/revisionrepository.h"
#include "messages/refusaltext.h"
#include "refusaltesting.h"
#include "stories/storywriter.h"
#include "workflowlibrary.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <algorithm>

using namespace fo;

Q_DECLARE_METATYPE(fo::StoryStatus)
Q_DECLARE_METATYPE(fo::WorkflowAction)
Q_DECLARE_METATYPE(fo::Role)

namespace {

/// The table as the issue states it, written out independently of Workflow's own table so that
/// a wrong entry there makes this test fail: "state action role" → the state it leads to.
const QMap<QString, StoryStatus> &expectedAllowed()
{
    using S = StoryStatus;
    static const QMap<QString, StoryStatus> table = {
        {QStringLiteral("draft submit editor"), S::InReview},
        {QStringLiteral("changes-requested submit editor"), S::InReview},
        {QStringLiteral("in-review request-changes reviewer"), S::ChangesRequested},
        {QStringLiteral("in-review approve reviewer"), S::Approved},
        {QStringLiteral("approved release reviewer"), S::Released},
        {QStringLiteral("approved release exporter"), S::Released},
        {QStringLiteral("archived reopen editor"), S::Draft},
        {QStringLiteral("archived reopen admin"), S::Draft},
    };
    return table;
}

bool expectedArchiveAllowed(StoryStatus from, Role role)
{
    return from != StoryStatus::Archived &&
           (role == Role::Editor || role == Role::Reviewer || role == Role::Admin);
}

} // namespace

class TestWorkflow : public QObject, public WorkflowLibrary
{
    Q_OBJECT

private Q_SLOTS:
    void init() { openLibrary(); }
    void cleanup() { closeLibrary(); }

    void transitionTable_data();
    void transitionTable();
    void requestChangesNeedsAComment();
    void nobodyAndInactivePeopleAreRefused();
    void approvalRecordsRevisionAndHash();
    void approvalLostAfterEachChange_data();
    void approvalLostAfterEachChange();
    void nonExportedChangesKeepTheApproval();
    void staleCopyCannotUndoAReview();
    void releaseNeedsAMatchingApproval();
    void editRefusedForWrongRoleOrArchived();
    void restoreMakesANewRevision();
    void editingSessionIsOneRevision();
    void approvedRevisionIsFrozen();
    void forgedApprovalDoesNotCount_data();
    void forgedApprovalDoesNotCount();
    void approvalsFromBeforeEmbargoWasHashed();
};

void TestWorkflow::transitionTable_data()
{
    QTest::addColumn<StoryStatus>("from");
    QTest::addColumn<WorkflowAction>("action");
    QTest::addColumn<Role>("role");
    for (const StoryStatus from : allStatuses()) {
        for (const WorkflowAction action : allActions()) {
            for (const Role role : allRoles()) {
                const QString row = QStringLiteral("%1 %2 %3")
                                        .arg(statusKey(from), actionKey(action), roleKey(role));
                QTest::newRow(qPrintable(row)) << from << action << role;
            }
        }
    }
}

void TestWorkflow::transitionTable()
{
    QFETCH(StoryStatus, from);
    QFETCH(WorkflowAction, action);
    QFETCH(Role, role);
    const QString key =
        QStringLiteral("%1 %2 %3").arg(statusKey(from), actionKey(action), roleKey(role));
    std::optional<StoryStatus> expected = expectedAllowed().value(key);
    if (!expectedAllowed().contains(key)) {
        expected.reset();
    }
    if (action == WorkflowAction::Archive && expectedArchiveAllowed(from, role)) {
        expected = StoryStatus::Archived;
    }
    const qint64 id = newStory();
    bringTo(id, from);
    const Person actor = person(QStringLiteral("Actor"), role);
    const int revisionsBefore = RevisionRepository(*mDb).forStory(id)->size();
    const int auditBefore = *AuditLog(*mDb).count(AuditFilter());

    const QString staticRefusal =
        Workflow::refusal(from, action, actor, QStringLiteral("Please fix the summary."));
    QString error;
    const auto result = fo::testing::said(
        StoryWriter(*mDb).perform(id, action, actor, QStringLiteral("Please fix the summary.")),
        &error);
    if (expected) {
        QVERIFY2(result, qPrintable(error));
        QVERIFY2(staticRefusal.isEmpty(), qPrintable(staticRefusal));
        QCOMPARE(result->from, from);
        QCOMPARE(result->to, *expected);
        QCOMPARE(story(id).status, *expected);
        QCOMPARE(RevisionRepository(*mDb).forStory(id)->size(), revisionsBefore + 1);
        QCOMPARE(result->revision.kind, RevisionKind::State);
        QCOMPARE(result->revision.personName, QStringLiteral("Actor"));
        QVERIFY(Workflow::availableActions(from, actor).contains(action));
    } else {
        QVERIFY(!result);
        QVERIFY(!error.isEmpty());
        QCOMPARE(error, staticRefusal);
        QCOMPARE(story(id).status, from);
        QCOMPARE(RevisionRepository(*mDb).forStory(id)->size(), revisionsBefore);
        QCOMPARE(*AuditLog(*mDb).count(AuditFilter()), auditBefore);
        QVERIFY(!Workflow::availableActions(from, actor).contains(action));
        // The reason names the missing role when the role can never do this, else the state.
        bool roleCanEverDoIt = action == WorkflowAction::Archive
                                   ? expectedArchiveAllowed(StoryStatus::Draft, role)
                                   : false;
        for (const StoryStatus s : allStatuses()) {
            roleCanEverDoIt |= expectedAllowed().contains(
                QStringLiteral("%1 %2 %3").arg(statusKey(s), actionKey(action), roleKey(role)));
        }
        if (roleCanEverDoIt) {
            QVERIFY2(error.contains(QStringLiteral("the story is ")), qPrintable(error));
        } else {
            QVERIFY2(error.startsWith(QStringLiteral("Actor cannot ")) &&
                         error.contains(QStringLiteral(" role")),
                     qPrintable(error));
        }
    }
}

void TestWorkflow::requestChangesNeedsAComment()
{
    const qint64 id = newStory();
    bringTo(id, StoryStatus::InReview);
    const Person reviewer = person(QStringLiteral("Rahul Sen"), Role::Reviewer);
    QString error;
    QVERIFY(!fo::testing::said(StoryWriter(*mDb).perform(id, WorkflowAction::RequestChanges,
                                                         reviewer, QStringLiteral("   ")),
                               &error));
    QVERIFY2(error.contains(QStringLiteral("needs a comment")), qPrintable(error));
    QCOMPARE(story(id).status, StoryStatus::InReview);
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::RequestChanges, reviewer,
                                  QStringLiteral("Name the city, not the village.")),
        &error));
    const QVector<Comment> comments = CommentRepository(*mDb).forStory(id).value_or({});
    QCOMPARE(comments.size(), 1);
    QCOMPARE(comments.first().text, QStringLiteral("Name the city, not the village."));
    QCOMPARE(comments.first().personName, QStringLiteral("Rahul Sen"));
}

void TestWorkflow::nobodyAndInactivePeopleAreRefused()
{
    const qint64 id = newStory();
    QString error;
    QVERIFY(!fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Submit, Person(), QString()), &error));
    QVERIFY2(error.contains(QStringLiteral("say who you are")), qPrintable(error));
    Person gone = person(QStringLiteral("Gone Editor"), Role::Editor);
    gone.active = false;
    QVERIFY2(fo::testing::said(PersonRepository(*mDb).update(gone, mSetup), &error),
             qPrintable(error));
    QVERIFY(!fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Submit, gone, QString()), &error));
    QVERIFY2(error.contains(QStringLiteral("no longer active")), qPrintable(error));
    QVERIFY(!fo::testing::said(
        StoryWriter(*mDb).perform(999, WorkflowAction::Submit, mSetup, QString()), &error));
    QCOMPARE(error, QStringLiteral("no story with id 999"));
}

void TestWorkflow::approvalRecordsRevisionAndHash()
{
    const qint64 id = newStory();
    bringTo(id, StoryStatus::InReview);
    const Person reviewer = person(QStringLiteral("Rahul Sen"), Role::Reviewer);
    mNow = mNow.addSecs(3600);
    QString error;
    const auto result = fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Approve, reviewer, QString()), &error);
    QVERIFY2(result && result->approval, qPrintable(error));
    const Approval a = *result->approval;
    QCOMPARE(a.personName, QStringLiteral("Rahul Sen"));
    QCOMPARE(a.personId, reviewer.id);
    QCOMPARE(a.approvedAt, mNow);
    QCOMPARE(a.revisionNumber, result->revision.number);
    QCOMPARE(a.contentHash, contentHash(story(id)));
    QCOMPARE(a.contentHash.size(), 64);
    // The approved revision holds exactly the approved content.
    const auto rev = RevisionRepository(*mDb).get(id, a.revisionNumber);
    QVERIFY(rev);
    QCOMPARE(contentHash(rev->story), a.contentHash);
    QCOMPARE(rev->status, StoryStatus::Approved);
    const ApprovalState state = Workflow(*mDb).approvalState(story(id));
    QVERIFY(state.valid);
    QVERIFY(!state.changedSinceApproval);
    QVERIFY(Workflow(*mDb).exportableRefusal(story(id)).ok());
}

void TestWorkflow::approvalLostAfterEachChange_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<StoryStatus>("approvedAs");
    for (const char *field :
         {"headline", "dateline-city", "dateline-country", "byline", "summary", "body", "tag-added",
          "tag-removed", "language", "office", "embargo-set", "embargo-moved", "embargo-removed"}) {
        for (const StoryStatus s : {StoryStatus::Approved, StoryStatus::Released}) {
            QTest::newRow(
                qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(field), statusKey(s))))
                << QString::fromLatin1(field) << s;
        }
    }
}

void TestWorkflow::approvalLostAfterEachChange()
{
    QFETCH(QString, field);
    QFETCH(StoryStatus, approvedAs);
    const qint64 id = newStory();
    if (field == QLatin1String("embargo-moved") || field == QLatin1String("embargo-removed")) {
        Story e = story(id);
        e.embargoAt = QDateTime(QDate(2026, 12, 10), QTime(9, 0), Qt::UTC);
        QString error;
        QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(e, mSetup), &error), qPrintable(error));
    }
    bringTo(id, approvedAs);
    const Person editor = person(QStringLiteral("Grace Achieng"), Role::Editor);
    const QByteArray approvedHash = contentHash(story(id));
    Story s = story(id);
    if (field == QLatin1String("headline")) {
        s.headline += QStringLiteral(" Today");
    } else if (field == QLatin1String("dateline-city")) {
        s.datelineCity = QStringLiteral("KAMPALA");
    } else if (field == QLatin1String("dateline-country")) {
        s.datelineCountry = QStringLiteral("UGANDA.");
    } else if (field == QLatin1String("byline")) {
        s.byline = QStringLiteral("Grace Achieng");
    } else if (field == QLatin1String("summary")) {
        s.summary.replace(QStringLiteral("decades"), QStringLiteral("years"));
    } else if (field == QLatin1String("body")) {
        s.body.replace(QStringLiteral("three"), QStringLiteral("four"));
    } else if (field == QLatin1String("tag-added")) {
        s.tags << QStringLiteral("topic/digitisation");
    } else if (field == QLatin1String("tag-removed")) {
        s.tags.removeAll(QStringLiteral("type/court"));
    } else if (field == QLatin1String("language")) {
        s.language = QStringLiteral("bn");
    } else if (field == QLatin1String("office")) {
        s.officeName = QStringLiteral("Kampala"); // named in a packet's contents
    } else if (field == QLatin1String("embargo-set")) {
        s.embargoAt = QDateTime(QDate(2026, 12, 10), QTime(9, 0), Qt::UTC);
    } else if (field == QLatin1String("embargo-moved")) {
        s.embargoAt = s.embargoAt.addSecs(3600);
    } else if (field == QLatin1String("embargo-removed")) {
        s.embargoAt = QDateTime(); // the packet would go out with no embargo line
    }
    QString error;
    QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(s, editor), &error), qPrintable(error));
    const Story after = story(id);
    QVERIFY(contentHash(after) != approvedHash);
    QCOMPARE(after.status, StoryStatus::Draft);
    const ApprovalState state = Workflow(*mDb).approvalState(after);
    QVERIFY(!state.valid);
    QVERIFY(state.changedSinceApproval);
    QCOMPARE(Workflow::statusText(after.status, state),
             QStringLiteral("Draft — changed since approval"));
    QVERIFY(!Workflow(*mDb).exportableRefusal(after).ok());
    QCOMPARE(auditCount(AuditAction::ApprovalLost, id), 1);
    const auto latest = RevisionRepository(*mDb).latest(id);
    QVERIFY(latest);
    QCOMPARE(latest->status, StoryStatus::Draft);
    QVERIFY2(latest->note.contains(QStringLiteral("changed since approval")),
             qPrintable(latest->note));
    // The approved revision itself still holds what was approved.
    QCOMPARE(RevisionRepository(*mDb).get(id, state.approval->revisionNumber)->contentHash,
             approvedHash);
}

void TestWorkflow::nonExportedChangesKeepTheApproval()
{
    const qint64 id = newStory();
    bringTo(id, StoryStatus::Approved);
    // The order of tags is not printed anywhere: the approval stands.
    Story s = story(id);
    std::reverse(s.tags.begin(), s.tags.end());
    QString error;
    QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(s, mSetup), &error), qPrintable(error));
    QCOMPARE(story(id).status, StoryStatus::Approved);
    QVERIFY(Workflow(*mDb).approvalState(story(id)).valid);
    QCOMPARE(auditCount(AuditAction::ApprovalLost, id), 0);
    // Without a person (an older caller, an import) a content change still ends the approval.
    s = story(id);
    s.body += QStringLiteral("\n\nOne more line.");
    QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(s), &error), qPrintable(error));
    QCOMPARE(story(id).status, StoryStatus::Draft);
    QVERIFY(Workflow(*mDb).approvalState(story(id)).changedSinceApproval);
}

void TestWorkflow::staleCopyCannotUndoAReview()
{
    const qint64 id = newStory();
    bringTo(id, StoryStatus::Approved);
    const Person editor = person(QStringLiteral("Grace Achieng"), Role::Editor);
    Story open = story(id); // the editor's copy, still saying Approved
    open.headline += QStringLiteral("!");
    QString error;
    QVERIFY(fo::testing::said(StoryWriter(*mDb).update(open, editor), &error));
    QCOMPARE(story(id).status, StoryStatus::Draft);
    open.headline += QStringLiteral("!"); // the next autosave of the same stale copy
    QVERIFY(fo::testing::said(StoryWriter(*mDb).update(open, editor), &error));
    QCOMPARE(story(id).status, StoryStatus::Draft);
    // Changing the headline back gives the approved content, but not the approval: the story
    // needs review again, though it no longer shows "changed since approval".
    open.headline.chop(2);
    QVERIFY(fo::testing::said(StoryWriter(*mDb).update(open, editor), &error));
    const ApprovalState state = Workflow(*mDb).approvalState(story(id));
    QCOMPARE(story(id).status, StoryStatus::Draft);
    QVERIFY(!state.valid);
    QVERIFY(!state.changedSinceApproval);
}

void TestWorkflow::releaseNeedsAMatchingApproval()
{
    const qint64 id = newStory();
    QString error;
    // A state set directly (an older tool) is not an approval.
    QVERIFY(fo::testing::said(StoryWriter(*mDb).setStatus(id, StoryStatus::Approved), &error));
    const Person exporter = person(QStringLiteral("Maria Santos"), Role::Exporter);
    QVERIFY(!fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Release, exporter, QString()), &error));
    QVERIFY2(error.contains(QStringLiteral("no approval on record")), qPrintable(error));
    QCOMPARE(Workflow::statusText(StoryStatus::Approved, Workflow(*mDb).approvalState(story(id))),
             QStringLiteral("Approved — no approval of this version"));
    QCOMPARE(auditCount(AuditAction::StatusChanged, id), 1);
}

void TestWorkflow::editRefusedForWrongRoleOrArchived()
{
    const qint64 id = newStory();
    const Person exporter = person(QStringLiteral("Maria Santos"), Role::Exporter);
    Story s = story(id);
    s.headline = QStringLiteral("Changed");
    QString error;
    QVERIFY(!fo::testing::said(StoryWriter(*mDb).update(s, exporter), &error));
    QCOMPARE(error,
             QStringLiteral("Maria Santos cannot edit: editing needs the editor or reviewer role"));
    const Person reviewer = person(QStringLiteral("Rahul Sen"), Role::Reviewer);
    QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(s, reviewer), &error), qPrintable(error));
    bringTo(id, StoryStatus::Archived);
    s = story(id);
    s.headline = QStringLiteral("Changed again");
    QVERIFY(!fo::testing::said(StoryWriter(*mDb).update(s, reviewer), &error));
    QVERIFY2(error.contains(QStringLiteral("Archived")), qPrintable(error));
    QCOMPARE(story(id).headline, QStringLiteral("Changed"));
}

void TestWorkflow::restoreMakesANewRevision()
{
    const qint64 id = newStory();
    const Story original = story(id);
    const Person editor = person(QStringLiteral("Grace Achieng"), Role::Editor);
    Story s = original;
    s.headline = QStringLiteral("A Different Headline");
    s.body = QStringLiteral("Rewritten.");
    s.tags = QStringList{QStringLiteral("topic/labour")};
    QString error;
    QVERIFY(fo::testing::said(StoryWriter(*mDb).update(s, editor), &error));
    bringTo(id, StoryStatus::Approved);
    const int before = RevisionRepository(*mDb).forStory(id)->size();

    mNow = mNow.addSecs(60);
    const auto restored = fo::testing::said(StoryWriter(*mDb).restore(id, 1, editor), &error);
    QVERIFY2(restored, qPrintable(error));
    QCOMPARE(restored->kind, RevisionKind::Restore);
    QCOMPARE(restored->number, before + 1);
    QCOMPARE(
        restored->note,
        QStringLiteral("restored from revision 1; changed since approval by Setup of revision 4"));
    const Story now = story(id);
    QCOMPARE(now.headline, original.headline);
    QCOMPARE(now.body, original.body);
    QCOMPARE(now.tags, original.tags);
    QCOMPARE(contentHash(now), contentHash(original));
    QCOMPARE(now.status, StoryStatus::Draft); // a restore is an edit: the approval is gone
    QCOMPARE(auditCount(AuditAction::Restored, id), 1);
    // Revision 1 is still there, unchanged.
    QCOMPARE(RevisionRepository(*mDb).get(id, 1)->story.headline, original.headline);
    QVERIFY(!fo::testing::said(StoryWriter(*mDb).restore(id, 1, editor), &error));
    QVERIFY2(error.contains(QStringLiteral("nothing to restore")), qPrintable(error));
    QVERIFY(!fo::testing::said(StoryWriter(*mDb).restore(id, 99, editor), &error));
    QCOMPARE(error, QStringLiteral("story %1 has no revision 99").arg(id));
}

void TestWorkflow::editingSessionIsOneRevision()
{
    const qint64 id = newStory();
    const Person grace = person(QStringLiteral("Grace Achieng"), Role::Editor);
    const Person rahul = person(QStringLiteral("Rahul Sen"), Role::Reviewer);
    StoryRepository repo(*mDb);
    RevisionRepository revisions(*mDb);
    const QDateTime start = mNow;
    auto edit = [&](const Person &who, int minutes, const QString &text) {
        mNow = start.addSecs(minutes * 60);
        Story s = story(id);
        s.body = text;
        QString error;
        QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(s, who), &error), qPrintable(error));
    };
    QCOMPARE(revisions.forStory(id)->size(), 1); // created
    edit(grace, 1, QStringLiteral("one"));
    edit(grace, 4, QStringLiteral("two"));
    edit(grace, 10, QStringLiteral("three")); // 9 minutes after the session began
    QCOMPARE(revisions.forStory(id)->size(), 2);
    auto latest = revisions.latest(id);
    QCOMPARE(latest->kind, RevisionKind::Edit);
    QCOMPARE(latest->story.body, QStringLiteral("three"));
    QCOMPARE(latest->createdAt, start.addSecs(60));
    QCOMPARE(latest->updatedAt, start.addSecs(600));
    QCOMPARE(auditCount(AuditAction::Edited, id), 1);

    edit(grace, 11, QStringLiteral("four")); // 10 minutes after: a new revision
    QCOMPARE(revisions.forStory(id)->size(), 3);
    edit(rahul, 12, QStringLiteral("five")); // another person: a new revision
    QCOMPARE(revisions.forStory(id)->size(), 4);
    edit(grace, 13, QStringLiteral("six")); // back to Grace: the latest is Rahul's
    QCOMPARE(revisions.forStory(id)->size(), 5);
    QString error;
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Submit, grace, QString()), &error));
    edit(grace, 14, QStringLiteral("seven")); // a state change ends the session
    QCOMPARE(revisions.forStory(id)->size(), 7);
    QCOMPARE(auditCount(AuditAction::Edited, id), 5);
    // Saving the same content again records nothing.
    edit(grace, 15, QStringLiteral("seven"));
    QCOMPARE(revisions.forStory(id)->size(), 7);
    QCOMPARE(revisions.latest(id)->updatedAt, start.addSecs(14 * 60));
}

void TestWorkflow::approvedRevisionIsFrozen()
{
    const qint64 id = newStory();
    bringTo(id, StoryStatus::Approved);
    const auto approval = ApprovalRepository(*mDb).latest(id);
    QVERIFY(approval);
    QSqlQuery q(mDb->connection());
    QVERIFY(q.prepare(QStringLiteral("UPDATE revisions SET snapshot = '{}' WHERE id = ?")));
    q.addBindValue(approval->revisionId);
    QVERIFY(!q.exec());
    QVERIFY2(q.lastError().text().contains(QStringLiteral("cannot be changed")),
             qPrintable(q.lastError().text()));
}

void TestWorkflow::forgedApprovalDoesNotCount_data()
{
    QTest::addColumn<QString>("forgery");
    // An approval row written into the file with the hash an --allow-unapproved manifest prints.
    QTest::newRow("latest revision, by its editor") << QStringLiteral("latest");
    QTest::newRow("a reviewer's other state revision") << QStringLiteral("request-changes");
    QTest::newRow("the approved revision, by a non-reviewer") << QStringLiteral("non-reviewer");
    QTest::newRow("the approved revision, another hash") << QStringLiteral("other-hash");
}

void TestWorkflow::forgedApprovalDoesNotCount()
{
    QFETCH(QString, forgery);
    const qint64 id = newStory();
    const Person editor = person(QStringLiteral("Grace Achieng"), Role::Editor);
    const Person reviewer = person(QStringLiteral("Rahul Sen"), Role::Reviewer);
    QString error;
    qint64 revisionId = 0;
    qint64 personId = reviewer.id;
    if (forgery == QLatin1String("request-changes")) {
        QVERIFY(fo::testing::said(
            StoryWriter(*mDb).perform(id, WorkflowAction::Submit, editor, QString()), &error));
        QVERIFY(fo::testing::said(StoryWriter(*mDb).perform(id, WorkflowAction::RequestChanges,
                                                            reviewer, QStringLiteral("Check it.")),
                                  &error));
        revisionId = RevisionRepository(*mDb).latest(id)->id;
    } else if (forgery == QLatin1String("latest")) {
        Story s = story(id);
        s.headline += QStringLiteral(" (edited)");
        QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(s, editor), &error), qPrintable(error));
        revisionId = RevisionRepository(*mDb).latest(id)->id;
        personId = editor.id;
    } else {
        // A real approval first; the forged row names its revision.
        bringTo(id, StoryStatus::Approved);
        revisionId = ApprovalRepository(*mDb).latest(id)->revisionId;
        personId = forgery == QLatin1String("non-reviewer") ? editor.id : mSetup.id;
    }
    Story s = story(id);
    if (forgery == QLatin1String("other-hash")) {
        // Content changed after the real approval; the forged row carries the new hash.
        s.summary += QStringLiteral(" More.");
        QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(s, editor), &error), qPrintable(error));
        s = story(id);
    }
    QSqlQuery q(mDb->connection());
    QVERIFY(q.prepare(QStringLiteral(
        "INSERT INTO approvals (story_id, revision_id, person_id, person_name, approved_at, "
        "content_hash) VALUES (?, ?, ?, 'Rahul Sen', 0, ?)")));
    q.addBindValue(id);
    q.addBindValue(revisionId);
    q.addBindValue(personId);
    q.addBindValue(QString::fromLatin1(contentHash(s)));
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    QVERIFY(q.exec(QStringLiteral("UPDATE stories SET status = 'approved' WHERE id = %1").arg(id)));
    const Story forged = story(id);
    QCOMPARE(forged.status, StoryStatus::Approved);
    QCOMPARE(ApprovalRepository(*mDb).latest(id)->contentHash, contentHash(forged));
    const ApprovalState state = Workflow(*mDb).approvalState(forged);
    QVERIFY(!state.valid);
    QVERIFY2(refusalText(state.why).contains(QStringLiteral("does not count")),
             qPrintable(refusalText(state.why)));
    QVERIFY(!Workflow(*mDb).exportableRefusal(forged).ok());
    QVERIFY(!fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Release, mSetup, QString()), &error));
}

void TestWorkflow::approvalsFromBeforeEmbargoWasHashed()
{
    // A library approved with the earlier hash (no office, no embargo in it): rewrite the
    // approval and its revision as that version wrote them.
    const qint64 id = newStory();
    Story s = story(id);
    s.embargoAt = QDateTime(QDate(2026, 12, 10), QTime(9, 0), Qt::UTC);
    QString error;
    QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(s, mSetup), &error), qPrintable(error));
    bringTo(id, StoryStatus::Approved);
    const Approval approval = *ApprovalRepository(*mDb).latest(id);
    const QString legacy = QString::fromLatin1(legacyContentHash(story(id)));
    QVERIFY(legacy != QString::fromLatin1(contentHash(story(id))));
    QSqlQuery q(mDb->connection());
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER revisions_approved_frozen")));
    QVERIFY(q.exec(QStringLiteral("UPDATE revisions SET content_hash = '%1' WHERE id = %2")
                       .arg(legacy)
                       .arg(approval.revisionId)));
    QVERIFY(q.exec(QStringLiteral("UPDATE approvals SET content_hash = '%1' WHERE id = %2")
                       .arg(legacy)
                       .arg(approval.id)));
    // Unchanged since: still approved, embargo and office as the reviewer saw them.
    QVERIFY2(Workflow(*mDb).approvalState(story(id)).valid,
             qPrintable(refusalText(Workflow(*mDb).approvalState(story(id)).why)));
    // The embargo removed behind the old hash's back (status left as it was, as the earlier
    // version did): the approval no longer covers the story.
    QVERIFY(q.exec(QStringLiteral("UPDATE stories SET embargo_at = NULL WHERE id = %1").arg(id)));
    QCOMPARE(story(id).status, StoryStatus::Approved);
    QCOMPARE(legacyContentHash(story(id)), legacy.toLatin1()); // the old hash is blind to it
    const ApprovalState state = Workflow(*mDb).approvalState(story(id));
    QVERIFY(!state.valid);
    QVERIFY2(refusalText(state.why).contains(QStringLiteral("changed after its approval")),
             qPrintable(refusalText(state.why)));
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
