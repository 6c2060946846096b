// Issue 12 item 14: the keyboard around the Review dock. Tab from the headline stays in the
// editor, F6 reaches the dock, opening the dock takes the focus there, Submit and Approve have
// keys of their own, and the preview shows when it has the focus.

#include "editortesting.h"
#include "refusaltesting.h"

#include "common/session.h"
#include "editor/previewpane.h"
#include "people/personrepository.h"
#include "review/reviewdock.h"
#include "review/reviewpanel.h"

#include <QDockWidget>
#include <QImage>
#include <QStandardPaths>

using namespace fo;
using namespace editortesting;

class TestReviewKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void tabFromTheHeadlineStaysInTheEditor();
    void f6ReachesTheDock();
    void openingTheDockTakesTheFocus();
    void submitAndApproveHaveKeysOfTheirOwn();
    void thePreviewShowsItHasTheFocus();

private:
    std::unique_ptr<MainWindow> openWindow(bool asReviewer, bool dockShown);

    std::unique_ptr<QTemporaryDir> mDir;
    Person mEditor;
    Person mReviewer;
    qint64 mStory = 0;
};

void TestReviewKeys::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestReviewKeys::cleanup()
{
    UiSettings().clear();
    mDir.reset();
}

std::unique_ptr<MainWindow> TestReviewKeys::openWindow(bool asReviewer, bool dockShown)
{
    auto db = openLibrary(*mDir);
    if (!db) {
        return nullptr;
    }
    QString error;
    mEditor.name = QStringLiteral("Eddie Editor");
    mEditor.roles = Role::Editor;
    mReviewer.name = QStringLiteral("Rita Reviewer");
    mReviewer.roles = Role::Reviewer;
    if (!fo::testing::said(PersonRepository(*db).add(mEditor, Person()), &error) ||
        !fo::testing::said(PersonRepository(*db).add(mReviewer, Person()), &error)) {
        qWarning("%s", qPrintable(error));
    }
    mStory = addStory(*db, QStringLiteral("Police Trained in Gulu"),
                      QStringLiteral("GULU, UGANDA – Thirty officers trained.\n"));
    auto window = std::make_unique<MainWindow>(std::move(db));
    window->setCurrentPerson(asReviewer ? mReviewer : mEditor);
    window->resize(1400, 900);
    if (dockShown) {
        window->reviewDock()->show();
        window->reviewDock()->showTab(ReviewDock::CommentsTab); // every panel made
        window->reviewDock()->showTab(ReviewDock::ReviewTab);
    } else {
        window->reviewDock()->hide();
    }
    window->openStory(mStory);
    return window;
}

void TestReviewKeys::tabFromTheHeadlineStaysInTheEditor()
{
    auto window = openWindow(false, true);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    window->editor()->focusHeadline();
    QTRY_VERIFY(window->editor()->firstField()->hasFocus());
    QTextEdit *text = body(*window);
    QStringList path;
    for (int i = 0; i < 20 && !text->hasFocus(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        path << focus->objectName();
        QVERIFY2(
            window->editor()->isAncestorOf(focus),
            qPrintable(QStringLiteral("Tab left the editor: ") + path.join(QStringLiteral(" → "))));
    }
    QVERIFY2(text->hasFocus(), qPrintable(path.join(QStringLiteral(" → "))));
}

void TestReviewKeys::f6ReachesTheDock()
{
    auto window = openWindow(true, true);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    body(*window)->setFocus();
    bool reached = false;
    for (int i = 0; i < 8 && !reached; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        reached = window->reviewDock()->isAncestorOf(QApplication::focusWidget());
    }
    QVERIFY(reached);
    // And on round to the editor again.
    bool back = false;
    for (int i = 0; i < 8 && !back; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        back = QApplication::focusWidget() == body(*window);
    }
    QVERIFY(back);
}

void TestReviewKeys::openingTheDockTakesTheFocus()
{
    auto window = openWindow(true, false);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    body(*window)->setFocus();
    QVERIFY(!window->reviewDock()->isVisible());
    window->reviewDock()->toggleViewAction()->trigger(); // Review ▸ Review Panel
    QVERIFY(window->reviewDock()->isVisible());
    QTRY_VERIFY(window->reviewDock()->isAncestorOf(QApplication::focusWidget()));
}

void TestReviewKeys::submitAndApproveHaveKeysOfTheirOwn()
{
    auto window = openWindow(false, false);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    QAction *submit = window->reviewDock()->submitAction();
    QAction *approve = window->reviewDock()->approveAction();
    QCOMPARE(submit->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+S")));
    QCOMPARE(approve->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+A")));
    // No other action of the window answers to them.
    for (QAction *other : window->findChildren<QAction *>()) {
        if (other != submit && other != approve && !other->shortcut().isEmpty()) {
            QVERIFY2(other->shortcut() != submit->shortcut() &&
                         other->shortcut() != approve->shortcut(),
                     qPrintable(other->text()));
        }
    }
    QVERIFY(submit->isEnabled());
    QVERIFY(!approve->isEnabled()); // an editor
    body(*window)->setFocus();
    QTest::keyClick(body(*window), Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::InReview);

    window->setCurrentPerson(mReviewer);
    QTRY_VERIFY(approve->isEnabled());
    QTest::keyClick(body(*window), Qt::Key_A, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Approved);
}

void TestReviewKeys::thePreviewShowsItHasTheFocus()
{
    auto window = openWindow(false, false);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    PreviewPane *preview = window->editor()->previewPane();
    QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("Thirty officers")));
    body(*window)->setFocus();
    QTRY_VERIFY(!preview->hasFocus());
    const QImage unfocused = preview->grab().toImage();
    preview->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(preview->hasFocus());
    const QImage focused = preview->grab().toImage();
    QCOMPARE(focused.size(), unfocused.size());
    // The frame: the edge of the view is drawn in the highlight colour.
    const QColor highlight = preview->palette().color(QPalette::Highlight);
    const int y = focused.height() / 2;
    QCOMPARE(focused.pixelColor(1, y).rgb(), highlight.rgb());
    QVERIFY(unfocused.pixelColor(1, y).rgb() != highlight.rgb());
}

QTEST_MAIN(TestReviewKeys)
#include "tst_reviewkeys.moc"
