#include "editortesting.h"
#include "refusaltesting.h"
#include "signin.h"

#include "editor/approvededitguard.h"

#include "safety/librarywatcher.h"

#include "history/revisionrepository.h"
#include "libraryopentesting.h"
#include "people/personrepository.h"
#include "safety/recoveryjournal.h"

#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace fo;
using namespace editortesting;

/// The editor and another program on one library: a change saved elsewhere while a story is
/// open is merged with what is typed here, or kept as a conflict that the window shows, never
/// overwritten; with nothing unsaved the window shows it by itself. A save that fails keeps the
/// changes in the recovery journal until one works.
class TestEditorMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void otherHeadlineAndTypedTextBothSurvive();
    void bothChangedTheHeadline();
    void approvalIsLostAfterAMerge();
    void windowShowsAnotherProgramsChange();
    void tagBeingTypedSurvivesAnotherProgramsChange();
    void failedSaveIsKeptInTheJournal();

private:
    /// A second connection to the window's library, as the command line would open it.
    std::unique_ptr<Database> otherProgram(const MainWindow &window);
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestEditorMerge::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // never the user's settings or journal
}

void TestEditorMerge::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestEditorMerge::cleanup()
{
    UiSettings().clear();
    mDir.reset();
}

std::unique_ptr<Database> TestEditorMerge::otherProgram(const MainWindow &window)
{
    QString error;
    auto db =
        fo::testing::openLibrary(window.database().path(), Database::OpenMode::MustExist, &error);
    if (!db) {
        qWarning("cannot open the library again: %s", qPrintable(error));
    }
    return db;
}

void TestEditorMerge::otherHeadlineAndTypedTextBothSurvive()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Old headline"),
                               QStringLiteral("First paragraph.\n\nSecond paragraph.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));

    auto other = otherProgram(window);
    QVERIFY(other);
    Story theirs = stored(*other, id);
    theirs.headline = QStringLiteral("Headline from the command line");
    QString error;
    QVERIFY2(fo::testing::said(StoryWriter(*other).update(theirs), &error), qPrintable(error));

    typeAtEnd(body(window), QStringLiteral(" Typed here."));
    QVERIFY2(window.editor()->save(&error), qPrintable(error));

    const Story after = stored(window.database(), id);
    QCOMPARE(after.headline, QStringLiteral("Headline from the command line"));
    QCOMPARE(after.body, QStringLiteral("First paragraph.\n\nSecond paragraph. Typed here.\n"));
    // The window shows the merged story and says what happened.
    QCOMPARE(part<QLineEdit>(window, QStringLiteral("headlineEdit"))->text(), after.headline);
    QVERIFY(body(window)->toPlainText().endsWith(QStringLiteral("Typed here.")));
    auto *banner = part<QWidget>(window, QStringLiteral("mergeBanner"));
    QVERIFY(banner->isVisible());
    const QString text = part<QLabel>(window, QStringLiteral("mergeBannerText"))->text();
    QVERIFY2(text.contains(QStringLiteral("headline and your text are both kept")),
             qPrintable(text));
    QVERIFY(!part<QPushButton>(window, QStringLiteral("mergeUseTheirs"))->isVisible());
    // Typing goes on, and undo still works on it.
    typeAtEnd(body(window), QStringLiteral(" More."));
    window.editor()->undoAction()->trigger();
    QVERIFY(!body(window)->toPlainText().endsWith(QStringLiteral("More.")));
}

void TestEditorMerge::bothChangedTheHeadline()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Old"), QStringLiteral("Text.\n"));
    Person alice;
    alice.name = QStringLiteral("Alice");
    alice.roles = Role::Editor;
    QString error;
    QVERIFY2(fo::testing::said(PersonRepository(*db).add(alice, Person()), &error),
             qPrintable(error));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));

    auto other = otherProgram(window);
    Story theirs = stored(*other, id);
    theirs.headline = QStringLiteral("Their headline");
    QVERIFY2(fo::testing::said(StoryWriter(*other).update(theirs, alice), &error),
             qPrintable(error));

    auto *headline = part<QLineEdit>(window, QStringLiteral("headlineEdit"));
    headline->setFocus();
    headline->selectAll();
    QTest::keyClicks(headline, QStringLiteral("My headline"));
    QVERIFY2(window.editor()->save(&error), qPrintable(error));

    QCOMPARE(stored(window.database(), id).headline, QStringLiteral("My headline"));
    QCOMPARE(headline->text(), QStringLiteral("My headline"));
    const QString text = part<QLabel>(window, QStringLiteral("mergeBannerText"))->text();
    QVERIFY2(text.contains(QStringLiteral("The headline was also changed in revision")) &&
                 text.contains(QStringLiteral("by Alice (“Their headline”). Yours is kept.")),
             qPrintable(text));
    auto *useTheirs = part<QPushButton>(window, QStringLiteral("mergeUseTheirs"));
    QVERIFY(useTheirs->isVisible());
    // Both versions are in the history.
    QStringList headlines;
    for (const Revision &r :
         RevisionRepository(window.database()).forStory(id, true).value_or({})) {
        headlines << r.story.headline;
    }
    QVERIFY2(headlines.contains(QStringLiteral("Their headline")),
             qPrintable(headlines.join(u'|')));
    QVERIFY2(headlines.contains(QStringLiteral("My headline")), qPrintable(headlines.join(u'|')));

    if (qEnvironmentVariableIsSet("FO_SCREENSHOT")) {
        window.grab().save(qEnvironmentVariable("FO_SCREENSHOT"));
    }
    // Use Theirs puts their headline back, as a change that Undo takes back.
    useTheirs->click();
    QCOMPARE(headline->text(), QStringLiteral("Their headline"));
    QVERIFY(window.editor()->save(&error));
    QCOMPARE(stored(window.database(), id).headline, QStringLiteral("Their headline"));
    window.editor()->undoAction()->trigger();
    QCOMPARE(headline->text(), QStringLiteral("My headline"));
}

// The approval rule still holds when the save merges: a change to an approved story's text
// moves it to Draft, whoever's change it is merged with.
void TestEditorMerge::approvalIsLostAfterAMerge()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Approved"), QStringLiteral("Text.\n"));
    QString error;
    QVERIFY(fo::testing::said(StoryWriter(*db).setStatus(id, StoryStatus::Approved), &error));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    // Changing an approved story asks first (tst_approvededit): the answer is to go on.
    window.editor()->approvedEditGuard()->setConfirm(
        [](const QString &, const QString &) { return true; });

    auto other = otherProgram(window);
    Story theirs = stored(*other, id);
    theirs.summary = QStringLiteral("A new summary");
    QVERIFY(fo::testing::said(StoryWriter(*other).update(theirs), &error));
    QCOMPARE(stored(*other, id).status, StoryStatus::Draft); // their change ended the approval

    typeAtEnd(body(window), QStringLiteral(" more"));
    QVERIFY2(window.editor()->save(&error), qPrintable(error));
    const Story after = stored(window.database(), id);
    QCOMPARE(after.summary, QStringLiteral("A new summary"));
    QCOMPARE(after.body, QStringLiteral("Text. more\n"));
    QCOMPARE(after.status, StoryStatus::Draft);
}

// With nothing unsaved, another program's change shows by itself within a few seconds.
void TestEditorMerge::windowShowsAnotherProgramsChange()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Before"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    auto other = otherProgram(window);
    Story theirs = stored(*other, id);
    theirs.headline = QStringLiteral("After");
    QString error;
    QVERIFY(fo::testing::said(StoryWriter(*other).update(theirs), &error));
    QTRY_COMPARE_WITH_TIMEOUT(part<QLineEdit>(window, QStringLiteral("headlineEdit"))->text(),
                              QStringLiteral("After"), 10000);
    QVERIFY(part<QLabel>(window, QStringLiteral("mergeBannerText"))
                ->text()
                .startsWith(QStringLiteral("Another program (the command line, another window) "
                                           "changed this story; it shows the new version.")));
    // The list too.
    StoryListModel *list = model(window);
    QTRY_COMPARE(list->index(list->rowOfStory(id), 0).data().toString(), QStringLiteral("After"));
}

// A tag still being typed is not a change yet: another program's change does not wipe it, and
// once it is finished both are in the story.
void TestEditorMerge::tagBeingTypedSurvivesAnotherProgramsChange()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Before"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    auto *tags = part<QLineEdit>(window, QStringLiteral("tagsEdit"));
    tags->setFocus();
    QTest::keyClicks(tags, QStringLiteral("topic/half"));

    auto other = otherProgram(window);
    Story theirs = stored(*other, id);
    theirs.headline = QStringLiteral("After");
    QString error;
    QVERIFY(fo::testing::said(StoryWriter(*other).update(theirs), &error));
    QTest::qWait(2 * LibraryWatcher::kPollMs);
    QCOMPARE(tags->text(), QStringLiteral("topic/half"));

    body(window)->setFocus(); // the tag is finished
    QVERIFY2(window.editor()->save(&error), qPrintable(error));
    const Story after = stored(window.database(), id);
    QCOMPARE(after.headline, QStringLiteral("After"));
    QCOMPARE(after.tags, QStringList{QStringLiteral("topic/half")});
}

// A save that fails leaves the changes in the recovery journal (outside the library's folder)
// within a second, and the journal goes once a save works.
void TestEditorMerge::failedSaveIsKeptInTheJournal()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Fragile"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    const RecoveryJournal journal(window.database().path());
    QVERIFY(!journal.exists());
    QVERIFY(!journal.filePath().startsWith(mDir->path()));

    auto other = otherProgram(window);
    QSqlQuery q(other->connection());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE UPDATE ON stories BEGIN "
                                  "SELECT RAISE(ABORT, 'disk is full'); END")));
    typeAtEnd(body(window), QStringLiteral(" precious"));
    QTRY_VERIFY_WITH_TIMEOUT(journal.exists(), 5000);
    std::optional<JournalEntry> entry = journal.read();
    QVERIFY(entry);
    QCOMPARE(entry->pending.body, QStringLiteral("Text. precious\n"));
    QCOMPARE(entry->base.body, QStringLiteral("Text.\n"));
    // More typing while saves fail reaches the journal too.
    QTest::keyClicks(body(window), QStringLiteral(" words"));
    QTRY_COMPARE_WITH_TIMEOUT(journal.read().value_or(JournalEntry()).pending.body,
                              QStringLiteral("Text. precious words\n"), 3000);

    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse")));
    QTRY_COMPARE_WITH_TIMEOUT(stored(window.database(), id).body,
                              QStringLiteral("Text. precious words\n"), 10000);
    QVERIFY(!journal.exists());
}

QTEST_MAIN(TestEditorMerge)
#include "tst_editormerge.moc"
