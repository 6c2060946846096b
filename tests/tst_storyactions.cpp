#include "editortesting.h"
#include "refusaltesting.h"
#include "signin.h"
#include "window/importactions.h"

#include "history/revisionrepository.h"
#include "library/auditlog.h"
#include "people/personrepository.h"
#include "stories/trashrepository.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace fo;
using namespace editortesting;

/// Whole stories from the window: new, duplicate, archive, Trash and back, Empty Trash; and the
/// window used from the keyboard alone.
class TestStoryActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void newStoryIsSavedAsItIsTyped();
    void duplicateCopiesTheStory();
    void deleteMovesToTrashAndRestoreBringsBack();
    void emptyTrashDeletesForGood();
    void archiveChangesTheState();
    void standardShortcuts();
    void everyControlHasAnAccessibleName();
    void tabMovesFromListToForm();
    void importFromTheWindow();

private:
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestStoryActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStoryActions::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestStoryActions::cleanup()
{
    UiSettings().clear();
    mDir.reset();
}

void TestStoryActions::newStoryIsSavedAsItIsTyped()
{
    auto db = openLibrary(*mDir);
    addStory(*db, QStringLiteral("Existing"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QTest::keySequence(&window, QKeySequence::New);
    const qint64 id = window.editor()->storyId();
    QVERIFY(id > 0);
    QCOMPARE(StoryRepository(window.database()).count({}).value_or(-1), 2);
    auto *headline = part<QLineEdit>(window, QStringLiteral("headlineEdit"));
    QTRY_VERIFY(headline->hasFocus());
    QTest::keyClicks(headline, QStringLiteral("Brand new story"));
    QTRY_COMPARE_WITH_TIMEOUT(stored(window.database(), id).headline,
                              QStringLiteral("Brand new story"), 5000);
    QTRY_COMPARE(model(window)->index(0, 0).data().toString(), QStringLiteral("Brand new story"));
}

void TestStoryActions::duplicateCopiesTheStory()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Original"), QStringLiteral("Body *text*.\n"),
                               {QStringLiteral("type/court")});
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    action(window, QStringLiteral("duplicateStoryAction"))->trigger();
    const qint64 copy = window.editor()->storyId();
    QVERIFY(copy != id);
    const Story duplicate = stored(window.database(), copy);
    QCOMPARE(duplicate.headline, QStringLiteral("Original (copy)"));
    QCOMPARE(duplicate.body, QStringLiteral("Body *text*.\n"));
    QCOMPARE(duplicate.tags, QStringList{QStringLiteral("type/court")});
    QCOMPARE(duplicate.status, StoryStatus::Draft);
    QVERIFY(duplicate.uuid != stored(window.database(), id).uuid);
}

void TestStoryActions::deleteMovesToTrashAndRestoreBringsBack()
{
    auto db = openLibrary(*mDir);
    const qint64 keep = addStory(*db, QStringLiteral("Keep"), QStringLiteral("Kept.\n"));
    const qint64 id = addStory(*db, QStringLiteral("Unwanted"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    typeAtEnd(body(window), QStringLiteral(" last words"));

    // Delete in the list, confirmed; what was typed is saved first.
    list(window)->setFocus();
    const auto moved = answerNextMessageBox(QStringLiteral("Move to Trash"));
    QTest::keySequence(list(window), QKeySequence::Delete);
    QVERIFY(*moved);
    QVERIFY(TrashRepository(window.database()).contains(id));
    QVERIFY(stored(window.database(), id).body.contains(QStringLiteral("last words")));
    QCOMPARE(model(window)->rowCount(), 1);
    QCOMPARE(window.editor()->storyId(), keep); // the next story takes its place

    // In the Trash it can be read, not edited, and restored.
    action(window, QStringLiteral("trashViewAction"))->trigger();
    QCOMPARE(model(window)->rowCount(), 1);
    QCOMPARE(model(window)->storyIdAt(0), id);
    list(window)->setCurrentIndex(model(window)->index(0, 0));
    QCOMPARE(window.editor()->storyId(), id);
    QVERIFY(body(window)->isReadOnly());
    QVERIFY(part<QLabel>(window, QStringLiteral("editorBanner"))
                ->text()
                .contains(QStringLiteral("Trash")));
    QVERIFY(action(window, QStringLiteral("restoreStoryAction"))->isEnabled());
    action(window, QStringLiteral("restoreStoryAction"))->trigger();
    QVERIFY(!TrashRepository(window.database()).contains(id));
    QCOMPARE(model(window)->rowCount(), 0);
    QVERIFY(!body(window)->isReadOnly());

    action(window, QStringLiteral("trashViewAction"))->trigger();
    QCOMPARE(model(window)->rowCount(), 2);
    // Cancelling the confirmation changes nothing.
    QVERIFY(showActive(window));
    list(window)->setFocus();
    const auto cancelled = answerNextMessageBox(QStringLiteral("Cancel"));
    QTest::keySequence(list(window), QKeySequence::Delete);
    QVERIFY(*cancelled);
    QCOMPARE(model(window)->rowCount(), 2);
    QVERIFY(!TrashRepository(window.database()).contains(id));
}

void TestStoryActions::emptyTrashDeletesForGood()
{
    auto db = openLibrary(*mDir);
    const qint64 keep = addStory(*db, QStringLiteral("Keep"), QStringLiteral("Kept.\n"));
    const qint64 id = addStory(*db, QStringLiteral("Doomed"), QStringLiteral("Text.\n"),
                               {QStringLiteral("topic/doomed")});
    QString error;
    QVERIFY(fo::testing::said(StoryWriter(*db).update([&] {
        Story s = stored(*db, id);
        s.body = QStringLiteral("Edited.\n");
        return s;
    }()),
                              &error));
    QVERIFY(fo::testing::said(StoryRepository(*db).setDeleted(id, true), &error));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QAction *empty = action(window, QStringLiteral("emptyTrashAction"));
    QVERIFY(empty->isEnabled());
    const auto confirmed = answerNextMessageBox(QStringLiteral("Delete for Good"));
    empty->trigger();
    QVERIFY(*confirmed);
    QVERIFY(!StoryRepository(window.database()).get(id));
    QVERIFY(stored(window.database(), keep).id == keep);
    QCOMPARE(TrashRepository(window.database()).count().value_or(-1), 0);
    QVERIFY(RevisionRepository(window.database()).forStory(id)->isEmpty());
    QVERIFY(!empty->isEnabled());
    // The deletion is in the audit trail.
    AuditFilter filter;
    filter.storyId = id;
    filter.actions = {AuditAction::Deleted};
    QCOMPARE(AuditLog(window.database()).list(filter)->size(), 1);
}

void TestStoryActions::archiveChangesTheState()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Old news"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    action(window, QStringLiteral("archiveStoryAction"))->trigger();
    QCOMPARE(stored(window.database(), id).status, StoryStatus::Archived);
    QVERIFY(part<QLabel>(window, QStringLiteral("storyStatus"))
                ->text()
                .startsWith(QStringLiteral("Archived")));
    QVERIFY(!action(window, QStringLiteral("archiveStoryAction"))->isEnabled());
}

void TestStoryActions::standardShortcuts()
{
    MainWindow window(openLibrary(*mDir));
    signIn(window);
    const struct
    {
        const char *name;
        QKeySequence::StandardKey key;
    } expected[] = {
        {"newStoryAction", QKeySequence::New}, {"trashStoryAction", QKeySequence::Delete},
        {"undoAction", QKeySequence::Undo},    {"redoAction", QKeySequence::Redo},
        {"formatBold", QKeySequence::Bold},    {"formatItalic", QKeySequence::Italic},
    };
    for (const auto &e : expected) {
        QAction *a = action(window, QString::fromLatin1(e.name));
        QVERIFY2(a, e.name);
        QCOMPARE(a->shortcut(), QKeySequence(e.key));
    }
    // Every story and format action is reachable from the menu bar.
    QList<QAction *> inMenus;
    const QList<QAction *> menus = window.menuBar()->actions();
    for (QAction *menu : menus) {
        inMenus << menu->menu()->actions();
    }
    for (const char *name :
         {"newStoryAction", "duplicateStoryAction", "archiveStoryAction", "trashStoryAction",
          "restoreStoryAction", "emptyTrashAction", "undoAction", "redoAction", "formatBold",
          "formatItalic", "formatHeading2", "formatHeading3", "formatBulletList",
          "formatNumberedList", "formatQuote", "formatLink", "trashViewAction",
          "previewViewAction"}) {
        QVERIFY2(inMenus.contains(action(window, QString::fromLatin1(name))), name);
    }
}

void TestStoryActions::everyControlHasAnAccessibleName()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Named"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisible() || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy()) {
            continue;
        }
        // The line edit inside a combo box or a date field speaks for its parent.
        QWidget *named = qobject_cast<QComboBox *>(w->parentWidget()) ||
                                 qobject_cast<QAbstractSpinBox *>(w->parentWidget())
                             ? w->parentWidget()
                             : w;
        QVERIFY2(!named->accessibleName().isEmpty(),
                 qPrintable(QStringLiteral("%1 %2").arg(
                     QString::fromLatin1(w->metaObject()->className()), w->objectName())));
    }
}

void TestStoryActions::tabMovesFromListToForm()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Tabbed"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    list(window)->setFocus();
    QTRY_VERIFY(list(window)->hasFocus());
    QTest::keyClick(list(window), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("headlineEdit"));
    // F6 goes from pane to pane: headline → text.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("bodyEditor"));
    // Tab leaves the text rather than typing a tab into it.
    QTest::keyClick(body(window), Qt::Key_Tab);
    QVERIFY(!body(window)->toPlainText().contains(QLatin1Char('\t')));
    QVERIFY(!body(window)->hasFocus());
}

// File ▸ Import Stories… runs in the background: good files arrive in the list (each whole),
// a broken one is named with its line, and typing in the open story goes on meanwhile.
void TestStoryActions::importFromTheWindow()
{
    auto db = openLibrary(*mDir);
    const qint64 open = addStory(*db, QStringLiteral("Being typed"), QStringLiteral("Text.\n"));
    Person grace;
    grace.name = QStringLiteral("Grace Achieng");
    grace.roles = Role::Editor;
    QString error;
    QVERIFY2(fo::testing::said(PersonRepository(*db).add(grace, Person()), &error),
             qPrintable(error));
    MainWindow window(std::move(db));
    signIn(window);
    window.setCurrentPerson(grace);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(open));
    auto *imports = window.findChild<ImportActions *>();
    QVERIFY(imports);
    QVERIFY(imports->importAction()->isEnabled());
    QSignalSpy finished(imports, &ImportActions::importFinished);
    const QString data = QStringLiteral(FO_TEST_DATA "/import/");
    QVERIFY(imports->importPaths(
        {data + QStringLiteral("multi-story.txt"), data + QStringLiteral("invalid-utf8.txt")}));
    QVERIFY(finished.wait(30000));
    QCOMPARE(imports->lastSummary(),
             QStringLiteral("Imported 3 stories from 2 files. 1 file could not be imported."));
    QTRY_COMPARE(model(window)->rowCount(), 4);
    QCOMPARE(StoryRepository(window.database()).count({}).value_or(-1), 4);
    // The details name the broken file and its line.
    auto *summary = window.findChild<QMessageBox *>(QStringLiteral("importSummary"));
    QVERIFY(summary);
    QVERIFY(
        summary->detailedText().contains(QStringLiteral("invalid-utf8.txt:3: is not valid UTF-8")));
    QVERIFY(summary->detailedText().contains(
        QStringLiteral("Imported: Survivor Leaders Meet in Gulu (Gulu)")));
    summary->close();
    // The story being edited was left alone, and the imported ones are recorded as created by
    // the person at the window.
    QCOMPARE(window.editor()->storyId(), open);
    const qint64 imported = model(window)->storyIdAt(0);
    QVERIFY(imported != open);
    const QVector<Revision> revisions =
        RevisionRepository(window.database()).forStory(imported).value_or({});
    QCOMPARE(revisions.size(), 1);
    QCOMPARE(revisions.first().personName, QStringLiteral("Grace Achieng"));
}

QTEST_MAIN(TestStoryActions)
#include "tst_storyactions.moc"
