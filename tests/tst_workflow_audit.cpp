// The workflow's records: the audit trail, people, comments on stories, the migration of
// older libraries and the demo library's people and approvals.

#include "comments/commentrepository.h"
#include "demo/demolibrary.h"
#include "domain/contenthash.h"
#include "history/approvalrepository.h"
#include "history/revisionrepository.h"
#include "library/schema.h"
#include "libraryopentesting.h"
#include "messages/refusaltext.h"
#include "refusaltesting.h"
#include "stories/storywriter.h"
#include "workflowlibrary.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace fo;

class TestWorkflowAudit : public QObject, public WorkflowLibrary
{
    Q_OBJECT

private Q_SLOTS:
    void init() { openLibrary(); }
    void cleanup() { closeLibrary(); }

    void auditRowForEveryAction();
    void auditIsAppendOnly();
    void auditFilters();
    void peopleNeedAnAdminOnceThereIsOne();
    void commentsThreadAndResolve();
    void anchoredCommentSurvivesEdits();
    void versionOneLibraryMigrates();
    void demoHasPeopleAndRealApprovals();
};

void TestWorkflowAudit::auditRowForEveryAction()
{
    const Person grace = person(QStringLiteral("Grace Achieng"), Role::Editor);
    const Person rahul = person(QStringLiteral("Rahul Sen"), Role::Reviewer);
    const Person maria = person(QStringLiteral("Maria Santos"), Role::Exporter);
    const Person admin = person(QStringLiteral("Admin"), Role::Admin);
    Story s;
    s.headline = QStringLiteral("Audit Me");
    QString error;
    QVERIFY(fo::testing::said(StoryWriter(*mDb).create(s, grace), &error));
    const qint64 id = s.id;
    Workflow wf(*mDb);
    auto expectRow = [&](AuditAction action, const Person &who) {
        const QVector<AuditEntry> rows = *AuditLog(*mDb).list(AuditFilter(), 0, 1);
        QVERIFY(!rows.isEmpty());
        QCOMPARE(auditActionKey(rows.first().action), auditActionKey(action));
        QCOMPARE(rows.first().personName, who.name);
        mNow = mNow.addSecs(60);
    };
    expectRow(AuditAction::Created, grace);
    s.body = QStringLiteral("Text.");
    QVERIFY(fo::testing::said(StoryWriter(*mDb).update(s, grace), &error));
    expectRow(AuditAction::Edited, grace);
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Submit, grace, QString()), &error));
    expectRow(AuditAction::Submitted, grace);
    QVERIFY(fo::testing::said(StoryWriter(*mDb).perform(id, WorkflowAction::RequestChanges, rahul,
                                                        QStringLiteral("More.")),
                              &error));
    // The comment is recorded too, after the state change.
    expectRow(AuditAction::CommentAdded, rahul);
    QCOMPARE(auditCount(AuditAction::ChangesRequested, id), 1);
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Submit, grace, QString()), &error));
    expectRow(AuditAction::Submitted, grace);
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Approve, rahul, QString()), &error));
    expectRow(AuditAction::Approved, rahul);
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Release, maria, QString()), &error));
    expectRow(AuditAction::Released, maria);
    s = story(id);
    s.summary = QStringLiteral("New summary.");
    QVERIFY(fo::testing::said(StoryWriter(*mDb).update(s, grace), &error));
    expectRow(AuditAction::ApprovalLost, grace);
    QCOMPARE(auditCount(AuditAction::Edited, id), 2);
    QVERIFY(fo::testing::said(StoryWriter(*mDb).restore(id, 1, grace), &error));
    expectRow(AuditAction::Restored, grace);
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Archive, admin, QString()), &error));
    expectRow(AuditAction::Archived, admin);
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(id, WorkflowAction::Reopen, admin, QString()), &error));
    expectRow(AuditAction::Reopened, admin);
    QVERIFY2(fo::testing::said(StoryWriter(*mDb).setTrashed(id, true, grace), &error),
             qPrintable(error));
    expectRow(AuditAction::Trashed, grace);
    QVERIFY(fo::testing::said(StoryWriter(*mDb).setTrashed(id, false, admin), &error));
    expectRow(AuditAction::Untrashed, admin);
    QVERIFY(fo::testing::said(
        AuditLog(*mDb).append(AuditAction::Exported, id, maria, QStringLiteral("packet.pdf")),
        &error));
    expectRow(AuditAction::Exported, maria);
    const auto c = fo::testing::said(
        CommentRepository(*mDb).add(id, rahul, QStringLiteral("Fine now."), CommentAnchor(), 0),
        &error);
    QVERIFY(c);
    expectRow(AuditAction::CommentAdded, rahul);
    QVERIFY(fo::testing::said(CommentRepository(*mDb).setResolved(c->id, true, grace), &error));
    expectRow(AuditAction::CommentResolved, grace);
    Person p;
    p.name = QStringLiteral("New Reviewer");
    p.roles = Role::Reviewer;
    QVERIFY2(fo::testing::said(wf.addPerson(p, admin), &error), qPrintable(error));
    expectRow(AuditAction::PersonAdded, admin);
    p.roles |= Role::Editor;
    QVERIFY(fo::testing::said(wf.updatePerson(p, admin), &error));
    expectRow(AuditAction::PersonChanged, admin);
    // The approval row names the revision and the hash.
    AuditFilter approved;
    approved.actions = {AuditAction::Approved};
    const AuditEntry e = AuditLog(*mDb).list(approved)->first();
    QCOMPARE(e.revision, ApprovalRepository(*mDb).latest(id)->revisionNumber);
    QVERIFY2(
        e.detail.contains(QString::fromLatin1(ApprovalRepository(*mDb).latest(id)->contentHash)),
        qPrintable(e.detail));
}

void TestWorkflowAudit::auditIsAppendOnly()
{
    QString error;
    QVERIFY(fo::testing::said(
        AuditLog(*mDb).append(AuditAction::Exported, 0, mSetup, QStringLiteral("x")), &error));
    QSqlQuery q(mDb->connection());
    QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET detail = 'y'")));
    QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")),
             qPrintable(q.lastError().text()));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log")));
    QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")),
             qPrintable(q.lastError().text()));
    QCOMPARE(AuditLog(*mDb).list(AuditFilter())->first().detail, QStringLiteral("x"));
}

void TestWorkflowAudit::auditFilters()
{
    const Person grace = person(QStringLiteral("Grace Achieng"), Role::Editor);
    const qint64 a = newStory(QStringLiteral("A"));
    const qint64 b = newStory(QStringLiteral("B"));
    QString error;
    mNow = mNow.addSecs(3600);
    const QDateTime later = mNow;
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(a, WorkflowAction::Submit, grace, QString()), &error));
    mNow = mNow.addSecs(3600);
    QVERIFY(fo::testing::said(
        StoryWriter(*mDb).perform(b, WorkflowAction::Submit, grace, QString()), &error));
    AuditLog log(*mDb);
    AuditFilter f;
    f.storyId = a;
    QCOMPARE(*log.count(f), 2); // created, submitted
    f = AuditFilter();
    f.personId = grace.id;
    QCOMPARE(*log.count(f), 2);
    f.actions = {AuditAction::Submitted};
    f.from = later;
    f.to = later.addSecs(1);
    const QVector<AuditEntry> rows = *log.list(f);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().storyId, a);
    QCOMPARE(rows.first().at, later);
    f = AuditFilter();
    f.actions = {AuditAction::Created, AuditAction::PersonAdded};
    QCOMPARE(*log.count(f), 4); // Setup and Grace added, A and B created
}

void TestWorkflowAudit::peopleNeedAnAdminOnceThereIsOne()
{
    // init() added Setup, who is an admin: from now on only an admin may change people.
    Workflow wf(*mDb);
    const Person grace = person(QStringLiteral("Grace Achieng"), Role::Editor);
    Person p;
    p.name = QStringLiteral("Rahul Sen");
    p.roles = Role::Reviewer;
    QString error;
    QVERIFY(!fo::testing::said(wf.addPerson(p, grace), &error));
    QVERIFY2(error.contains(QStringLiteral("needs the admin role")), qPrintable(error));
    QVERIFY(!fo::testing::said(wf.addPerson(p, Person()), &error));
    QVERIFY2(error.contains(QStringLiteral("only an admin")), qPrintable(error));
    QVERIFY2(fo::testing::said(wf.addPerson(p, mSetup), &error), qPrintable(error));
    Person dup;
    dup.name = QStringLiteral("rahul sen");
    dup.roles = Role::Editor;
    QVERIFY(!fo::testing::said(wf.addPerson(dup, mSetup), &error));
    QVERIFY2(error.contains(QStringLiteral("already")), qPrintable(error));
    Person last = mSetup;
    last.roles = Role::Editor;
    QVERIFY(!fo::testing::said(wf.updatePerson(last, mSetup), &error));
    QVERIFY2(error.contains(QStringLiteral("last admin")), qPrintable(error));
    QCOMPARE(PersonRepository(*mDb).findByName(QStringLiteral("RAHUL SEN"))->id, p.id);
    QCOMPARE(PersonRepository(*mDb).all()->size(), 3);
    QCOMPARE(*parseRoles(QStringLiteral("editor, reviewer")),
             Roles(Roles(Role::Editor) | Role::Reviewer));
    const Result<Roles> boss = parseRoles(QStringLiteral("editor,boss"));
    QVERIFY(!boss);
    const QString parseError = refusalText(boss.refusal());
    QVERIFY2(parseError.contains(QStringLiteral("boss")), qPrintable(parseError));
}

void TestWorkflowAudit::commentsThreadAndResolve()
{
    const qint64 id = newStory();
    const Person rahul = person(QStringLiteral("Rahul Sen"), Role::Reviewer);
    const Person grace = person(QStringLiteral("Grace Achieng"), Role::Editor);
    CommentRepository comments(*mDb);
    QString error;
    const QString body = story(id).body;
    const int at = int(body.indexOf(QStringLiteral("Amina*")));
    const auto root =
        fo::testing::said(comments.add(id, rahul, QStringLiteral("Is the footnote there?"),
                                       CommentAnchor::fromSelection(body, at, 6), 0),
                          &error);
    QVERIFY2(root, qPrintable(error));
    mNow = mNow.addSecs(60);
    const auto general = fo::testing::said(
        comments.add(id, grace, QStringLiteral("General note."), CommentAnchor(), 0), &error);
    mNow = mNow.addSecs(60);
    const auto reply = fo::testing::said(
        comments.add(id, grace, QStringLiteral("Added it."), CommentAnchor(), root->id), &error);
    QVERIFY2(reply, qPrintable(error));
    const QVector<Comment> all = comments.forStory(id).value_or({});
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).id, root->id); // the thread, then its reply, then the next thread
    QCOMPARE(all.at(1).id, reply->id);
    QCOMPARE(all.at(2).id, general->id);
    QCOMPARE(all.at(0).anchor.quote, QStringLiteral("Amina*"));
    QVERIFY(!fo::testing::said(comments.add(id, Person(), QStringLiteral("x"), CommentAnchor(), 0),
                               &error));
    QVERIFY(fo::testing::said(comments.setResolved(reply->id, true, rahul),
                              &error)); // resolves the thread
    QVERIFY(comments.get(root->id)->isResolved());
    QCOMPARE(comments.get(root->id)->resolvedBy, QStringLiteral("Rahul Sen"));
    QVERIFY(!comments.get(general->id)->isResolved());
}

void TestWorkflowAudit::anchoredCommentSurvivesEdits()
{
    const qint64 id = newStory();
    const Person rahul = person(QStringLiteral("Rahul Sen"), Role::Reviewer);
    const Person grace = person(QStringLiteral("Grace Achieng"), Role::Editor);
    CommentRepository comments(*mDb);
    QString error;
    const QString quote = QStringLiteral("Amina*, 16");
    const QString body = story(id).body;
    const auto c = fo::testing::said(
        comments.add(id, rahul, QStringLiteral("Is this her pseudonym?"),
                     CommentAnchor::fromSelection(body, int(body.indexOf(quote)), 10), 0),
        &error);
    QVERIFY2(c, qPrintable(error));
    auto edit = [&](const QString &from, const QString &to) {
        Story s = story(id);
        QVERIFY(s.body.contains(from));
        s.body.replace(from, to);
        QVERIFY2(fo::testing::said(StoryWriter(*mDb).update(s, grace), &error), qPrintable(error));
    };
    auto located = [&]() {
        const Comment now = *comments.get(c->id);
        const AnchorMatch m = locateAnchor(now.anchor, story(id).body);
        return std::make_pair(m, story(id).body.mid(m.start, m.length));
    };
    // Text added before it, and the words on both sides of it rewritten, in several saves.
    edit(QStringLiteral("GULU, UGANDA –"),
         QStringLiteral("A new opening paragraph.\n\nGULU, UGANDA –"));
    edit(QStringLiteral("the yard held a tent.\n\n"),
         QStringLiteral("the courthouse yard held a long white tent. "));
    edit(QStringLiteral(" told the team what changed."),
         QStringLiteral(" said the files are safe now."));
    auto [m, text] = located();
    QCOMPARE(int(m.kind), int(AnchorMatch::Kind::Exact));
    QCOMPARE(text, quote);
    QCOMPARE(comments.get(c->id)->anchor.offset, int(story(id).body.indexOf(quote)));
    // Now the quoted words themselves change: the comment stays on the passage, approximately.
    edit(quote, QStringLiteral("Amina*, aged 16"));
    std::tie(m, text) = located();
    QCOMPARE(int(m.kind), int(AnchorMatch::Kind::Approximate));
    QCOMPARE(text, QStringLiteral("Amina*, aged 16"));
    QCOMPARE(comments.get(c->id)->anchor.quote, quote); // what the reviewer commented on
}

void TestWorkflowAudit::versionOneLibraryMigrates()
{
    const QString path = mDir->filePath(QStringLiteral("v1.fieldoffice"));
    const QString name = QStringLiteral("v1-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        for (const QString &statement : schemaMigrations().at(0)) {
            QVERIFY2(q.exec(statement), qPrintable(statement));
        }
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO stories (uuid, headline, body, status, created_at, updated_at) "
            "VALUES ('u-1', 'Old Story', 'Old body.', 'approved', 1000, 2000)")));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(db->migrationsApplied(), Database::kSchemaVersion - 1);
    // The old story has no history yet; its first change starts it with a baseline.
    auto old = StoryRepository(*db).getByUuid(QStringLiteral("u-1"));
    QVERIFY(old);
    QCOMPARE(RevisionRepository(*db).forStory(old->id)->size(), 0);
    Person editor;
    editor.name = QStringLiteral("Grace Achieng");
    editor.roles = Role::Editor;
    QVERIFY(fo::testing::said(PersonRepository(*db).add(editor, Person()), &error));
    old->body = QStringLiteral("New body.");
    QVERIFY2(fo::testing::said(StoryWriter(*db).update(*old, editor), &error), qPrintable(error));
    const QVector<Revision> revs = RevisionRepository(*db).forStory(old->id, true).value_or({});
    QCOMPARE(revs.size(), 2);
    QCOMPARE(revs.last().kind, RevisionKind::Baseline);
    QCOMPARE(revs.last().story.body, QStringLiteral("Old body."));
    QCOMPARE(revs.last().createdAt, QDateTime::fromMSecsSinceEpoch(2000, Qt::UTC));
    QCOMPARE(revs.first().story.body, QStringLiteral("New body."));
    // Approved without an approval on record: the edit still sends it back to Draft.
    QCOMPARE(StoryRepository(*db).get(old->id)->status, StoryStatus::Draft);
}

void TestWorkflowAudit::demoHasPeopleAndRealApprovals()
{
    Clock::setOverride({});
    const QString path = mDir->filePath(QStringLiteral("demo.fieldoffice"));
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::CreateNew, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY2(fo::testing::said(createDemoLibrary(*db), &error).value_or(-1) > 0, qPrintable(error));
    PersonRepository people(*db);
    QCOMPARE(people.findByName(QStringLiteral("Grace Achieng"))->roles, Roles(Role::Editor));
    QCOMPARE(people.findByName(QStringLiteral("Rahul Sen"))->roles, Roles(Role::Reviewer));
    QCOMPARE(people.findByName(QStringLiteral("Maria Santos"))->roles, Roles(Role::Exporter));
    QCOMPARE(people.findByName(QStringLiteral("Admin"))->roles, Roles(Role::Admin));
    int approved = 0;
    const QVector<StoryRow> rows =
        StoryRepository(*db).list(StoryFilter(), 0, 1000, false).value_or({});
    for (const StoryRow &row : rows) {
        const Story s = *StoryRepository(*db).get(row.id);
        const ApprovalState state = Workflow(*db).approvalState(s);
        const bool shouldBe =
            s.status == StoryStatus::Approved || s.status == StoryStatus::Released;
        QCOMPARE(state.valid, shouldBe);
        QVERIFY(!state.changedSinceApproval);
        QVERIFY(!RevisionRepository(*db).forStory(s.id)->isEmpty());
        if (shouldBe) {
            ++approved;
            QCOMPARE(state.approval->personName, QStringLiteral("Rahul Sen"));
            QCOMPARE(state.approval->contentHash, contentHash(s));
        }
    }
    QVERIFY(approved >= 2);
}

QTEST_GUILESS_MAIN(TestWorkflowAudit)
#include "tst_workflow_audit.moc"
