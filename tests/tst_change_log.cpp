// The change log: every road by which a story changes — the window's save (plain, merged,
// recovered), new and duplicate, import, the command line's edit, restoring a revision, every
// workflow transition, the Trash, the demo — leaves one row in it, written by the one writer.
// The check that no revision is missing from the log fails for any path that writes a story
// without StoryWriter.

#include "messages/importtext.h"
#include "refusaltesting.h"
#include "workflowlibrary.h"

#include "demo/demolibrary.h"
#include "history/changelog.h"
#include "import/importer.h"
#include "processrun.h"
#include "stories/storyservice.h"

#include <QFile>
#include <QSqlQuery>

using namespace fo;

class TestChangeLog : public QObject, public WorkflowLibrary
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        mSeen = 0;
        openLibrary();
    }
    void cleanup() { closeLibrary(); }
    void everyWritingPathIsLogged();
    void demoCreationIsLogged();
    void readsInOrderFromASequence();

private:
    /// The rows appended since the last call, checked against the revisions and the Trash.
    QVector<Change> newRows();
    /// Every revision (but a baseline, the state before history began) has its log row, and
    /// every Trash event of the audit trail has one too.
    void checkNothingBypassed(Database &db);

    qint64 mSeen = 0;
};

QVector<Change> TestChangeLog::newRows()
{
    const Result<QVector<Change>> rows = ChangeLog(*mDb).since(mSeen);
    if (!rows) {
        qWarning("cannot read the change log: %s", qPrintable(rows.refusal().detail));
        return {};
    }
    if (!rows->isEmpty()) {
        mSeen = rows->last().sequence;
    }
    checkNothingBypassed(*mDb);
    return *rows;
}

void TestChangeLog::checkNothingBypassed(Database &db)
{
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT story_id, number FROM revisions WHERE kind <> 'baseline' "
                                  "EXCEPT SELECT story_id, revision FROM change_log")));
    if (q.next()) {
        QFAIL(qPrintable(QStringLiteral("revision %1 of story %2 is not in the change log")
                             .arg(q.value(1).toInt())
                             .arg(q.value(0).toLongLong())));
    }
    const auto count = [&db](const QString &sql) {
        QSqlQuery c(db.connection());
        return c.exec(sql) && c.next() ? c.value(0).toInt() : -1;
    };
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN "
                                  "('trashed', 'untrashed', 'deleted')")),
             count(QStringLiteral("SELECT count(*) FROM change_log WHERE kind IN "
                                  "('trashed', 'untrashed', 'purged')")));
}

void TestChangeLog::everyWritingPathIsLogged()
{
    const Person editor = person(QStringLiteral("Grace Achieng"), Roles(Role::Editor));
    const Person reviewer = person(QStringLiteral("Rahul Mehta"), Roles(Role::Reviewer));
    const Person exporter = person(QStringLiteral("Maria Santos"), Roles(Role::Exporter));
    StoryService service(*mDb, editor);
    QString error;
    QVector<Change> rows;
    auto expect = [&](ChangeKind kind, qint64 storyId, const QString &who) {
        rows = newRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(changeKindKey(rows.first().kind), changeKindKey(kind));
        QCOMPARE(rows.first().storyId, storyId);
        QCOMPARE(rows.first().personName, who);
    };

    // The window: new, duplicate, save, save with a merge, recover.
    const Result<Story> blank =
        fo::testing::said(service.createBlank(QStringLiteral("Gulu")), &error);
    QVERIFY2(blank, qPrintable(error));
    expect(ChangeKind::Created, blank->id, editor.name);
    QCOMPARE(rows.first().revision, 1);
    QCOMPARE(rows.first().storyUuid, blank->uuid);
    const Result<Story> copy = fo::testing::said(service.duplicate(blank->id), &error);
    QVERIFY2(copy, qPrintable(error));
    expect(ChangeKind::Created, copy->id, editor.name);

    Story edited = *blank;
    edited.headline = QStringLiteral("Court Clerks Digitise Files");
    edited.body = QStringLiteral("The yard held a tent.");
    QVERIFY2(fo::testing::said(service.save(edited), &error), qPrintable(error));
    expect(ChangeKind::Edited, blank->id, editor.name);
    QVERIFY(rows.first().fields == (ChangedFields(ChangedField::Headline) | ChangedField::Body));
    QVERIFY2(fo::testing::said(service.save(edited), &error),
             qPrintable(error)); // nothing changed: no row
    QVERIFY(newRows().isEmpty());

    const Story base = *service.get(blank->id);
    Story theirs = base;
    theirs.summary = QStringLiteral("Theirs.");
    mNow = mNow.addSecs(3600);
    QVERIFY2(fo::testing::said(StoryService(*mDb, reviewer).save(theirs), &error),
             qPrintable(error));
    expect(ChangeKind::Edited, blank->id, reviewer.name);
    Story mine = base;
    mine.byline = QStringLiteral("Mine");
    SaveResult saved;
    QVERIFY2(fo::testing::said(service.save(base, mine, &saved), &error), qPrintable(error));
    QVERIFY(saved.merged);
    expect(ChangeKind::Merged, blank->id, editor.name);
    Story pending = saved.stored;
    pending.byline = QStringLiteral("Recovered");
    QVERIFY2(fo::testing::said(service.recover(saved.stored, pending, &saved), &error),
             qPrintable(error));
    expect(ChangeKind::Recovered, blank->id, editor.name);

    // Import.
    const QString file = mDir->filePath(QStringLiteral("story.md"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("---\nheadline: Imported Story\ndateline: KAMPALA, UGANDA\n---\nThe text.\n");
    }
    const Importer::FileResult imported = Importer(*mDb, editor).importFile(file);
    QVERIFY2(imported.ok(), qPrintable(importErrorText(imported)));
    expect(ChangeKind::Imported, imported.imported.first().id, editor.name);

    // The command line's edit, as the real program.
    const ToolRun run =
        runTool(QStringLiteral(FO_BINARY),
                {QStringLiteral("edit"), QStringLiteral("--library"), mDb->path(),
                 QStringLiteral("--as"), editor.name, QString::number(copy->id),
                 QStringLiteral("--headline"), QStringLiteral("Edited on the command line")},
                commandLineEnvironment(mDir->path()));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    expect(ChangeKind::Edited, copy->id, editor.name);
    QVERIFY(rows.first().fields == ChangedFields(ChangedField::Headline));

    // Restoring a revision.
    mNow = mNow.addSecs(3600);
    QVERIFY2(fo::testing::said(StoryWriter(*mDb).restore(blank->id, 1, editor), &error),
             qPrintable(error));
    expect(ChangeKind::Restored, blank->id, editor.name);

    // Every transition, with where it went.
    const qint64 id = blank->id;
    const QVector<std::tuple<WorkflowAction, Person, StoryStatus, StoryStatus>> steps = {
        {WorkflowAction::Submit, editor, StoryStatus::Draft, StoryStatus::InReview},
        {WorkflowAction::RequestChanges, reviewer, StoryStatus::InReview,
         StoryStatus::ChangesRequested},
        {WorkflowAction::Submit, editor, StoryStatus::ChangesRequested, StoryStatus::InReview},
        {WorkflowAction::Approve, reviewer, StoryStatus::InReview, StoryStatus::Approved},
        {WorkflowAction::Release, exporter, StoryStatus::Approved, StoryStatus::Released},
        {WorkflowAction::Archive, editor, StoryStatus::Released, StoryStatus::Archived},
        {WorkflowAction::Reopen, editor, StoryStatus::Archived, StoryStatus::Draft},
    };
    for (const auto &[action, who, from, to] : steps) {
        const Result<WorkflowResult> r = fo::testing::said(
            StoryWriter(*mDb).perform(id, action, who, QStringLiteral("A comment.")), &error);
        QVERIFY2(r, qPrintable(error));
        expect(ChangeKind::StatusChanged, id, who.name);
        QVERIFY(rows.first().from == from);
        QVERIFY(rows.first().to == to);
        QCOMPARE(rows.first().revision, r->revision.number);
    }
    // An approval lost by an edit shows as an edit from Approved to Draft.
    for (const WorkflowAction a : {WorkflowAction::Submit, WorkflowAction::Approve}) {
        QVERIFY2(fo::testing::said(
                     StoryWriter(*mDb).perform(
                         id, a, a == WorkflowAction::Submit ? editor : reviewer, QString()),
                     &error),
                 qPrintable(error));
        newRows();
    }
    Story late = *service.get(id);
    late.summary = QStringLiteral("Changed after the approval.");
    QVERIFY2(fo::testing::said(service.save(late), &error), qPrintable(error));
    expect(ChangeKind::Edited, id, editor.name);
    QVERIFY(rows.first().from == StoryStatus::Approved);
    QVERIFY(rows.first().to == StoryStatus::Draft);
    // Archiving by nobody (a tool); the window's service never writes for nobody.
    QVERIFY(!StoryService(*mDb).archive(copy->id));
    QVERIFY(newRows().isEmpty());
    ChangeContext archiving;
    archiving.action = AuditAction::Archived;
    QVERIFY2(fo::testing::said(
                 StoryWriter(*mDb).setStatus(copy->id, StoryStatus::Archived, archiving), &error),
             qPrintable(error));
    expect(ChangeKind::StatusChanged, copy->id, QString());

    // The Trash: in, out, in again, and emptied for good.
    QVERIFY2(fo::testing::said(service.moveToTrash(id), &error), qPrintable(error));
    expect(ChangeKind::Trashed, id, editor.name);
    QVERIFY2(fo::testing::said(service.restoreFromTrash(id), &error), qPrintable(error));
    expect(ChangeKind::Untrashed, id, editor.name);
    QVERIFY2(fo::testing::said(service.moveToTrash(id), &error), qPrintable(error));
    expect(ChangeKind::Trashed, id, editor.name);
    QCOMPARE(fo::testing::said(service.emptyTrash(), &error).value_or(-1), 1);
    expect(ChangeKind::Purged, id, editor.name);
    QCOMPARE(rows.first().storyUuid, blank->uuid);
}

void TestChangeLog::demoCreationIsLogged()
{
    QString error;
    const int created = fo::testing::said(createDemoLibrary(*mDb), &error).value_or(-1);
    QVERIFY2(created > 0, qPrintable(error));
    const QVector<Change> rows = newRows();
    int creations = 0;
    int past = 0;
    for (const Change &c : rows) {
        creations += c.kind == ChangeKind::Created;
        past += c.kind == ChangeKind::History;
    }
    QCOMPARE(creations, created);
    QVERIFY(past >= created); // at least each story's "created" revision
}

void TestChangeLog::readsInOrderFromASequence()
{
    for (int i = 0; i < 5; ++i) {
        newStory(QStringLiteral("Story %1").arg(i));
    }
    const Result<QVector<Change>> all = ChangeLog(*mDb).since(0);
    QVERIFY(all);
    QCOMPARE(all->size(), 5);
    for (int i = 1; i < all->size(); ++i) {
        QVERIFY(all->at(i).sequence > all->at(i - 1).sequence);
    }
    const Result<QVector<Change>> later = ChangeLog(*mDb).since(all->at(2).sequence, 1);
    QVERIFY(later);
    QCOMPARE(later->size(), 1);
    QCOMPARE(later->first().sequence, all->at(3).sequence);
    QCOMPARE(ChangeLog(*mDb).lastSequence(), all->last().sequence);
    // Append-only: the library refuses to rewrite or drop the log.
    QSqlQuery q(mDb->connection());
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM change_log")));
    QVERIFY(!q.exec(QStringLiteral("UPDATE change_log SET kind = 'edited'")));
}

QTEST_GUILESS_MAIN(TestChangeLog)
#include "tst_change_log.moc"
