// Issue 12 items 8 and 16: the story list as a desk uses it. Several stories selected start a
// packet, the packet dialog starts where the last packet was left, the list says how many
// stories match and clears its filters in one click, a story made during a search never
// vanishes without a word, and a snippet never shows the tags' text.

#include "editortesting.h"
#include "refusaltesting.h"
#include "signin.h"

#include "browser/librarybrowser.h"
#include "browser/storyfilterbar.h"
#include "common/outputpathfield.h"
#include "common/uisettings.h"
#include "demo/demolibrary.h"
#include "output/exportactions.h"
#include "output/exportdialog.h"
#include "output/lastpacket.h"
#include "output/packetstorymodel.h"
#include "search/storyquery.h"

#include <QItemSelectionModel>
#include <QPushButton>
#include <QStandardPaths>

using namespace fo;
using namespace editortesting;

class TestListSelection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void severalSelectedStoriesStartAPacket();
    void thePacketDialogStartsWhereTheLastPacketWasLeft();
    void theListCountsAndClearsItsFilters();
    void aStoryMadeDuringASearchStaysInSight();
    void aSnippetNeverShowsTheTags();

private:
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestListSelection::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestListSelection::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestListSelection::cleanup()
{
    mDir.reset();
}

namespace {

std::unique_ptr<Database> demoLibrary(const QTemporaryDir &dir)
{
    auto db = openLibrary(dir, QStringLiteral("demo"));
    QString error;
    if (!db || fo::testing::said(createDemoLibrary(*db), &error).value_or(-1) <= 0) {
        qWarning("cannot make the demo library: %s", qPrintable(error));
    }
    return db;
}

} // namespace

void TestListSelection::severalSelectedStoriesStartAPacket()
{
    MainWindow window(demoLibrary(*mDir));
    signIn(window);
    QVERIFY(showActive(window));
    QTreeView *view = list(window);
    QCOMPARE(view->selectionMode(), QAbstractItemView::ExtendedSelection);
    QAction *fromSelection = action(window, QStringLiteral("packetFromSelectionAction"));
    QVERIFY(view->actions().contains(fromSelection)); // in the list's context menu
    StoryListModel *stories = model(window);
    QVERIFY(stories->rowCount() >= 3);
    // Ctrl+click on the first and the third story, as a user picks them.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                      view->visualRect(stories->index(0, 0)).center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      view->visualRect(stories->index(2, 0)).center());
    QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
    QCOMPARE(window.browser()->selectedStoryIds(),
             (QVector<qint64>{stories->storyIdAt(0), stories->storyIdAt(2)}));
    QVERIFY(fromSelection->isEnabled());
    QVERIFY2(fromSelection->text().contains(QStringLiteral("2")),
             qPrintable(fromSelection->text()));
    fromSelection->trigger();
    auto *dialog = window.findChild<ExportDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->storyModel()->storyIds(),
             (QVector<qint64>{stories->storyIdAt(0), stories->storyIdAt(2)}));
    dialog->reject();
}

void TestListSelection::thePacketDialogStartsWhereTheLastPacketWasLeft()
{
    MainWindow window(demoLibrary(*mDir));
    signIn(window);
    const QString folder = mDir->filePath(QStringLiteral("packets"));
    QVERIFY(QDir().mkpath(folder));
    UiSettings::LastPacket last;
    last.storyIds = {3, 1};
    last.title = QStringLiteral("Court monitoring, March");
    last.folder = folder;
    UiSettings().setLastPacket(window.database().path(), last);
    action(window, QStringLiteral("exportPacketAction"))->trigger();
    auto *dialog = window.findChild<ExportDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->storyModel()->storyIds(), (QVector<qint64>{3, 1}));
    QCOMPARE(dialog->titleEdit()->text(), last.title);
    QVERIFY2(dialog->outputField()->path().startsWith(folder),
             qPrintable(dialog->outputField()->path()));
    // What the dialog holds is what is remembered when it writes.
    const UiSettings::LastPacket now =
        lastpacket::of(*dialog, QDir(folder).filePath(QStringLiteral("march.pdf")));
    QCOMPARE(now.storyIds, last.storyIds);
    QCOMPARE(now.title, last.title);
    QCOMPARE(now.folder, QFileInfo(folder).absoluteFilePath());
    dialog->reject();
}

void TestListSelection::theListCountsAndClearsItsFilters()
{
    MainWindow window(demoLibrary(*mDir));
    signIn(window);
    LibraryBrowser *browser = window.browser();
    const int total = model(window)->rowCount();
    QTRY_COMPARE_WITH_TIMEOUT(browser->resultCountText(), QStringLiteral("%1 stories").arg(total),
                              5000);
    QVERIFY(browser->clearFiltersButton()->isHidden());
    QLineEdit *search = part<QLineEdit>(window, QStringLiteral("searchEdit"));
    search->setText(QStringLiteral("police"));
    QTest::keyClick(search, Qt::Key_Return);
    const int matching = model(window)->rowCount();
    QVERIFY(matching > 0 && matching < total);
    QTRY_COMPARE_WITH_TIMEOUT(
        browser->resultCountText(),
        QStringLiteral("%1 of %2 stories match “police”").arg(matching).arg(total), 5000);
    QVERIFY(!browser->clearFiltersButton()->isHidden());
    browser->clearFiltersButton()->click();
    QCOMPARE(search->text(), QString());
    QCOMPARE(model(window)->rowCount(), total);
    QVERIFY(browser->clearFiltersButton()->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(browser->resultCountText(), QStringLiteral("%1 stories").arg(total),
                              5000);
}

void TestListSelection::aStoryMadeDuringASearchStaysInSight()
{
    MainWindow window(demoLibrary(*mDir));
    signIn(window);
    QLineEdit *search = part<QLineEdit>(window, QStringLiteral("searchEdit"));
    search->setText(QStringLiteral("police"));
    QTest::keyClick(search, Qt::Key_Return);
    action(window, QStringLiteral("newStoryAction"))->trigger();
    const qint64 id = window.editor()->storyId();
    QVERIFY(id > 0);
    // The new story is listed and selected, and the list says why the search went.
    QVERIFY(window.browser()->rowOfStory(id) >= 0);
    QCOMPARE(search->text(), QString());
    auto *note = part<QLabel>(window, QStringLiteral("listNote"));
    QVERIFY2(note->text().contains(QStringLiteral("filters were cleared")),
             qPrintable(note->text()));
    QCOMPARE(window.browser()->selectedStoryIds(), QVector<qint64>{id});
}

void TestListSelection::aSnippetNeverShowsTheTags()
{
    auto db = openLibrary(*mDir);
    addStory(*db, QStringLiteral("Station opens a desk"),
             QStringLiteral("The desk takes complaints in the morning.\n"),
             {QStringLiteral("topic/police-training"), QStringLiteral("type/training")});
    addStory(*db, QStringLiteral("Training for clerks"),
             QStringLiteral("Clerks learn the new filing.\n"));
    StoryFilter filter;
    filter.search = QStringLiteral("training");
    const Result<QVector<StoryRow>> rows = StoryQuery(*db).list(filter, 0, 10, false);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 2);
    for (const StoryRow &row : *rows) {
        QVERIFY2(!row.snippet.contains(QStringLiteral("topic")) &&
                     !row.snippet.contains(QStringLiteral("type")),
                 qPrintable(row.snippet));
        if (row.headline.startsWith(QStringLiteral("Training"))) {
            QVERIFY(row.snippet.contains(QChar(2))); // the headline's match is marked
        }
    }
}

QTEST_MAIN(TestListSelection)
#include "tst_listselection.moc"
