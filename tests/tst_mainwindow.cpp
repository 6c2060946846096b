#include "browser/storylistdelegate.h"
#include "browser/storylistview.h"
#include "common/errorstrip.h"
#include "common/uisettings.h"
#include "editor/storyeditor.h"
#include "history/revisionrepository.h"
#include "library/database.h"
#include "libraryopentesting.h"
#include "refusaltesting.h"
#include "safety/recoveryjournal.h"
#include "search/storylistmodel.h"
#include "signin.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextEdit>
#include <QTreeView>
#include <QtTest>

#include <memory>

using namespace fo;

/// The main window on a small library: filters, search, the story panel, remembered state.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensOnALibrary();
    void searchNarrowsTheListAfterAPause();
    void searchShowsSnippetLines();
    void aNarrowListStillShowsTheFirstMatch();
    void tagChoiceNarrowsTheList();
    void statusAndOfficeChoicesNarrowTheList();
    void selectingAStoryShowsIt();
    void emptyListExplainsWhy();
    void emptyLibraryTellsHowToImport();
    void findFocusesTheSearchBox();
    void refreshShowsNewStoriesAndKeepsTheSelection();
    void remembersFiltersAcrossRestarts();
    void crashedSessionDoesNotReopenItsStory();
    void journalIsRecoveredAtStart();
    void errorStripIsReadableInLightAndDarkThemes();

private:
    std::unique_ptr<Database> openLibrary(const QString &name = QStringLiteral("stories"));
    Story addStory(Database &db, const QString &headline, const QString &office, StoryStatus status,
                   const QStringList &tags, const QString &body);
    void fillLibrary(Database &db);

    static QTreeView *list(const MainWindow &window);
    static StoryListModel *model(const MainWindow &window);
    static QLineEdit *searchEdit(const MainWindow &window);
    static QComboBox *combo(const MainWindow &window, const QString &name);
    static QString headlineAt(const MainWindow &window, int row);
    static QAction *action(const MainWindow &window, const QString &text);

    std::unique_ptr<QTemporaryDir> mDir;
    QDateTime mClock;
};

void TestMainWindow::initTestCase()
{
    // Remembered window state goes to a test location, never to the user's settings.
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    mClock = QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);
}

void TestMainWindow::cleanup()
{
    UiSettings().clear();
    mDir.reset();
}

std::unique_ptr<Database> TestMainWindow::openLibrary(const QString &name)
{
    QString error;
    auto db = fo::testing::openLibrary(mDir->filePath(name + QStringLiteral(".fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    if (!db) {
        qWarning("cannot open library: %s", qPrintable(error));
    }
    return db;
}

Story TestMainWindow::addStory(Database &db, const QString &headline, const QString &office,
                               StoryStatus status, const QStringList &tags, const QString &body)
{
    Story story;
    story.headline = headline;
    story.officeName = office;
    story.datelineCity = office.toUpper();
    story.datelineCountry = QStringLiteral("INDIA");
    story.byline = QStringLiteral("Field Office Communications");
    story.summary = QStringLiteral("Summary of ") + headline;
    story.status = status;
    story.tags = tags;
    story.body = body;
    mClock = mClock.addSecs(3600);
    story.createdAt = mClock;
    QString error;
    if (!fo::testing::said(StoryWriter(db).create(story), &error)) {
        qWarning("cannot create story: %s", qPrintable(error));
    }
    return story;
}

void TestMainWindow::fillLibrary(Database &db)
{
    addStory(db, QStringLiteral("Court clerks digitise 40,000 case files"), QStringLiteral("Gulu"),
             StoryStatus::Released,
             {QStringLiteral("topic/justice-system"), QStringLiteral("type/court")},
             QStringLiteral("GULU, UGANDA – For three weeks, the courthouse yard held a tent."));
    addStory(db, QStringLiteral("Fishing crew rescued off Manila"), QStringLiteral("Manila"),
             StoryStatus::Draft, {QStringLiteral("topic/forced-labour")},
             QStringLiteral("MANILA, PHILIPPINES – Nine men had not been paid for a year."));
    addStory(db, QStringLiteral("Police officers trained on trafficking law"),
             QStringLiteral("Kolkata"), StoryStatus::InReview,
             {QStringLiteral("topic/justice-system"), QStringLiteral("type/training")},
             QStringLiteral("KOLKATA, INDIA – Forty officers met in কলকাতা for two days."));
    addStory(db, QStringLiteral("Brick workers freed in Chennai"), QStringLiteral("Chennai"),
             StoryStatus::Approved,
             {QStringLiteral("topic/forced-labour"), QStringLiteral("type/rescue")},
             QStringLiteral("CHENNAI, INDIA – Twelve workers left the brick **kiln** at dawn.\n\n"
                            "Amina*, 16, told the team what happened.\n\n"
                            "![The kiln](/etc/hostname)"));
}

QTreeView *TestMainWindow::list(const MainWindow &window)
{
    return window.findChild<QTreeView *>(QStringLiteral("storyList"));
}

StoryListModel *TestMainWindow::model(const MainWindow &window)
{
    return qobject_cast<StoryListModel *>(list(window)->model());
}

QLineEdit *TestMainWindow::searchEdit(const MainWindow &window)
{
    return window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
}

QComboBox *TestMainWindow::combo(const MainWindow &window, const QString &name)
{
    return window.findChild<QComboBox *>(name);
}

QString TestMainWindow::headlineAt(const MainWindow &window, int row)
{
    return model(window)->index(row, StoryListModel::HeadlineColumn).data().toString();
}

QAction *TestMainWindow::action(const MainWindow &window, const QString &text)
{
    const QList<QAction *> actions = window.findChildren<QAction *>();
    for (QAction *a : actions) {
        if (a->text() == text) {
            return a;
        }
    }
    return nullptr;
}

void TestMainWindow::opensOnALibrary()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    const QString path = db->path();
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // [*]: where the window shows that changes have not reached the library yet. The desktop
    // adds " — Field Office" (the display name) itself.
    QCOMPARE(window.windowTitle(), QStringLiteral("stories.fieldoffice[*]"));
    QVERIFY(!window.isWindowModified());
    QVERIFY(list(window));
    QVERIFY(model(window));
    QCOMPARE(model(window)->rowCount(), 4);
    QCOMPARE(headlineAt(window, 0), QStringLiteral("Brick workers freed in Chennai"));
    const auto *library = window.findChild<QLabel *>(QStringLiteral("libraryLabel"));
    QVERIFY(library);
    QVERIFY(library->text().contains(QDir::toNativeSeparators(path)));
    QVERIFY(!library->text().contains(QStringLiteral("read-only")));

    QCOMPARE(searchEdit(window)->placeholderText(),
             QStringLiteral("Search stories (Ctrl+Shift+F)"));
    for (const QWidget *w :
         {static_cast<QWidget *>(searchEdit(window)), static_cast<QWidget *>(list(window)),
          static_cast<QWidget *>(combo(window, QStringLiteral("statusFilter"))),
          static_cast<QWidget *>(combo(window, QStringLiteral("officeFilter"))),
          static_cast<QWidget *>(combo(window, QStringLiteral("tagFilter")))}) {
        QVERIFY(w);
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    QCOMPARE(combo(window, QStringLiteral("statusFilter"))->itemText(0),
             QStringLiteral("All statuses"));
    QCOMPARE(combo(window, QStringLiteral("officeFilter"))->itemText(0),
             QStringLiteral("All offices"));
    QCOMPARE(combo(window, QStringLiteral("tagFilter"))->itemText(0), QStringLiteral("All tags"));
    QVERIFY(list(window)->editTriggers() == QAbstractItemView::NoEditTriggers);
    QVERIFY(list(window)->selectionBehavior() == QAbstractItemView::SelectRows);
}

void TestMainWindow::searchNarrowsTheListAfterAPause()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(model(window)->rowCount(), 4);

    QTest::keyClicks(searchEdit(window), QStringLiteral("trafficking"));
    // Not at every key: the list waits for a pause in the typing.
    QCOMPARE(model(window)->rowCount(), 4);
    QTRY_COMPARE(model(window)->rowCount(), 1);
    QCOMPARE(headlineAt(window, 0), QStringLiteral("Police officers trained on trafficking law"));

    // Bengali text, as an input method commits it, is found.
    searchEdit(window)->clear();
    QInputMethodEvent commit;
    commit.setCommitString(QStringLiteral("কলকাতা"));
    QApplication::sendEvent(searchEdit(window), &commit);
    QTRY_COMPARE(headlineAt(window, 0),
                 QStringLiteral("Police officers trained on trafficking law"));
    QCOMPARE(model(window)->rowCount(), 1);

    searchEdit(window)->clear();
    QTRY_COMPARE(model(window)->rowCount(), 4);
}

void TestMainWindow::searchShowsSnippetLines()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int plainHeight = list(window)->visualRect(model(window)->index(0, 0)).height();
    QVERIFY(plainHeight > 0);

    QTest::keyClicks(searchEdit(window), QStringLiteral("kiln"));
    QTRY_COMPARE(model(window)->rowCount(), 1);
    const QModelIndex first = model(window)->index(0, 0);
    QVERIFY(first.data(StoryListModel::SnippetRole)
                .toString()
                .contains(QStringLiteral("\x02kiln\x03")));
    // Two lines: the headline and the snippet.
    QTRY_VERIFY(list(window)->visualRect(first).height() > plainHeight * 3 / 2);
    // Painting a search row must work (the delegate's own drawing).
    QVERIFY(!list(window)->grab().isNull());

    searchEdit(window)->clear();
    QTRY_COMPARE(model(window)->rowCount(), 4);
    QTRY_COMPARE(list(window)->visualRect(model(window)->index(0, 0)).height(), plainHeight);
}

void TestMainWindow::tagChoiceNarrowsTheList()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QComboBox *tags = combo(window, QStringLiteral("tagFilter"));
    const int forcedLabour = tags->findData(QStringLiteral("topic/forced-labour"));
    QVERIFY(forcedLabour > 0);
    // The category shows with the tag's name.
    QCOMPARE(tags->itemText(forcedLabour), QStringLiteral("topic/forced-labour"));
    tags->setCurrentIndex(forcedLabour);
    QCOMPARE(model(window)->rowCount(), 2);
    QCOMPARE(headlineAt(window, 0), QStringLiteral("Brick workers freed in Chennai"));
    QCOMPARE(headlineAt(window, 1), QStringLiteral("Fishing crew rescued off Manila"));

    tags->setCurrentIndex(tags->findData(QStringLiteral("type/court")));
    QCOMPARE(model(window)->rowCount(), 1);
    QCOMPARE(headlineAt(window, 0), QStringLiteral("Court clerks digitise 40,000 case files"));

    tags->setCurrentIndex(0);
    QCOMPARE(model(window)->rowCount(), 4);
}

void TestMainWindow::statusAndOfficeChoicesNarrowTheList()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QComboBox *status = combo(window, QStringLiteral("statusFilter"));
    const int inReview = status->findText(QStringLiteral("In review"));
    QVERIFY(inReview > 0);
    status->setCurrentIndex(inReview);
    QCOMPARE(model(window)->rowCount(), 1);
    QCOMPARE(headlineAt(window, 0), QStringLiteral("Police officers trained on trafficking law"));
    status->setCurrentIndex(0);

    QComboBox *office = combo(window, QStringLiteral("officeFilter"));
    QCOMPARE(office->count(), 5); // "All offices" and four offices
    office->setCurrentIndex(office->findText(QStringLiteral("Manila")));
    QCOMPARE(model(window)->rowCount(), 1);
    QCOMPARE(headlineAt(window, 0), QStringLiteral("Fishing crew rescued off Manila"));
}

void TestMainWindow::selectingAStoryShowsIt()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Nothing chosen yet: the panel says how to choose, and the form is not even made.
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("editorHint"))->isVisible());
    QVERIFY(!window.findChild<QLineEdit *>(QStringLiteral("headlineEdit")));

    QTreeView *view = list(window);
    const QRect rect = view->visualRect(model(window)->index(0, StoryListModel::OfficeColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    auto *headline = window.findChild<QLineEdit *>(QStringLiteral("headlineEdit"));
    QVERIFY(headline);
    QCOMPARE(headline->text(), QStringLiteral("Brick workers freed in Chennai"));
    QVERIFY(headline->isVisible());
    QCOMPARE(combo(window, QStringLiteral("officeCombo"))->currentText(),
             QStringLiteral("Chennai"));
    QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("datelineCityEdit"))->text(),
             QStringLiteral("CHENNAI"));
    QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("datelineCountryEdit"))->text(),
             QStringLiteral("INDIA"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("storyStatus"))
                ->text()
                .startsWith(QStringLiteral("Approved")));
    QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("tagsEdit"))->text(),
             QStringLiteral("topic/forced-labour, type/rescue"));
    auto *body = window.findChild<QTextEdit *>(QStringLiteral("bodyEditor"));
    QVERIFY(body);
    // Markdown is rendered, not shown as source.
    QVERIFY(body->toPlainText().contains(QStringLiteral("left the brick kiln at dawn")));
    QVERIFY(!body->toPlainText().contains(QStringLiteral("**")));
    auto *preview = window.findChild<QTextBrowser *>(QStringLiteral("previewPane"));
    QVERIFY(preview);
    QVERIFY(!preview->openLinks());
    QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("left the brick kiln at dawn")));
    // The image names a file on this machine; the preview never reads it.
    const QVariant image = preview->document()->resource(QTextDocument::ImageResource,
                                                         QUrl(QStringLiteral("/etc/hostname")));
    QVERIFY(image.canConvert<QImage>());
    QCOMPARE(image.value<QImage>().size(), QSize(96, 64));

    // The keyboard moves the selection, and the editor follows.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(headline->text(), headlineAt(window, 1));
}

void TestMainWindow::emptyListExplainsWhy()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTest::keyClicks(searchEdit(window), QStringLiteral("zanzibar"));
    QTRY_COMPARE(model(window)->rowCount(), 0);
    auto *view = qobject_cast<StoryListView *>(list(window));
    QVERIFY(view);
    QCOMPARE(view->placeholderText(), QStringLiteral("No stories match these filters."));
    QCOMPARE(view->accessibleDescription(), view->placeholderText());
    QVERIFY(!view->grab().isNull());
}

void TestMainWindow::emptyLibraryTellsHowToImport()
{
    auto db = openLibrary(QStringLiteral("empty"));
    QVERIFY(db);
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(model(window)->rowCount(), 0);
    auto *view = qobject_cast<StoryListView *>(list(window));
    QVERIFY(view->placeholderText().startsWith(QStringLiteral("This library has no stories yet.")));
    QVERIFY(view->placeholderText().contains(QStringLiteral("fieldoffice import --library ")));
    QVERIFY(view->placeholderText().contains(QStringLiteral("empty.fieldoffice")));

    // A filter on an empty library still says why the list is empty.
    QComboBox *status = combo(window, QStringLiteral("statusFilter"));
    status->setCurrentIndex(1);
    QVERIFY(view->placeholderText().startsWith(QStringLiteral("This library has no stories yet.")));
}

void TestMainWindow::findFocusesTheSearchBox()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    list(window)->setFocus();
    QTRY_VERIFY(list(window)->hasFocus());

    // Search Library is Ctrl+Shift+F; Ctrl+F finds in the open story, and with none open it
    // goes to the library's search too.
    QAction *search = action(window, QStringLiteral("&Search Library"));
    QVERIFY(search);
    QCOMPARE(search->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+F")));
    QTest::keySequence(&window, search->shortcut());
    QTRY_VERIFY(searchEdit(window)->hasFocus());
    list(window)->setFocus();
    QTRY_VERIFY(list(window)->hasFocus());
    QAction *find = action(window, QStringLiteral("&Find in Story…"));
    QVERIFY(find);
    QCOMPARE(find->shortcut(), QKeySequence(QKeySequence::Find));
    window.editor()->closeStory();
    QTest::keySequence(&window, QKeySequence::Find);
    QTRY_VERIFY(searchEdit(window)->hasFocus());
}

void TestMainWindow::refreshShowsNewStoriesAndKeepsTheSelection()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    MainWindow window(std::move(db));
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTreeView *view = list(window);
    view->setCurrentIndex(model(window)->index(1, 0));
    const QString selected = headlineAt(window, 1);
    auto *headline = window.findChild<QLineEdit *>(QStringLiteral("headlineEdit"));
    QCOMPARE(headline->text(), selected);

    // Another program (the command line) adds a story with a new office.
    addStory(window.database(), QStringLiteral("Survivor leaders meet in Kampala"),
             QStringLiteral("Kampala"), StoryStatus::Draft, {QStringLiteral("topic/survivors")},
             QStringLiteral("KAMPALA, UGANDA – Text."));
    QAction *refresh = action(window, QStringLiteral("&Refresh"));
    QVERIFY(refresh);
    QCOMPARE(refresh->shortcut(), QKeySequence(Qt::Key_F5));
    refresh->trigger();

    QCOMPARE(model(window)->rowCount(), 5);
    QCOMPARE(headlineAt(window, 0), QStringLiteral("Survivor leaders meet in Kampala"));
    QVERIFY(combo(window, QStringLiteral("officeFilter"))->findText(QStringLiteral("Kampala")) > 0);
    QVERIFY(
        combo(window, QStringLiteral("tagFilter"))->findData(QStringLiteral("topic/survivors")) >
        0);
    // The story being read stays selected and shown.
    QCOMPARE(headlineAt(window, view->currentIndex().row()), selected);
    QCOMPARE(headline->text(), selected);
}

void TestMainWindow::remembersFiltersAcrossRestarts()
{
    auto db = openLibrary();
    QVERIFY(db);
    fillLibrary(*db);
    db.reset();
    {
        MainWindow window(openLibrary());
        signIn(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QComboBox *tags = combo(window, QStringLiteral("tagFilter"));
        tags->setCurrentIndex(tags->findData(QStringLiteral("topic/justice-system")));
        QComboBox *office = combo(window, QStringLiteral("officeFilter"));
        office->setCurrentIndex(office->findText(QStringLiteral("Gulu")));
        QCOMPARE(model(window)->rowCount(), 1);
        window.close();
    }
    MainWindow window(openLibrary());
    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(combo(window, QStringLiteral("tagFilter"))->currentData().toString(),
             QStringLiteral("topic/justice-system"));
    QCOMPARE(combo(window, QStringLiteral("officeFilter"))->currentText(), QStringLiteral("Gulu"));
    QCOMPARE(model(window)->rowCount(), 1);
    QCOMPARE(headlineAt(window, 0), QStringLiteral("Court clerks digitise 40,000 case files"));
}

// The last session ended with a story open and never closed (a crash on opening it, say):
// that story is not opened again at the next start, and the status bar says why.
void TestMainWindow::crashedSessionDoesNotReopenItsStory()
{
    QString path;
    qint64 id = 0;
    {
        auto db = openLibrary();
        fillLibrary(*db);
        id = addStory(*db, QStringLiteral("The crashing story"), QStringLiteral("Gulu"),
                      StoryStatus::Draft, {}, QStringLiteral("Text."))
                 .id;
        path = db->path();
    }
    UiSettings settings;
    settings.setOpenStory(path, id);
    // A process id that no process has: the window that wrote it is gone.
    settings.setRunningSession(path, {id, 2147480000});
    {
        MainWindow window(openLibrary());
        signIn(window);
        QSignalSpy started(&window, &MainWindow::startupFinished);
        window.show();
        QVERIFY(started.wait(10000));
        QCOMPARE(window.editor()->storyId(), qint64(0));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("The last session ended unexpectedly while “The crashing story” "
                                "was open; it was not reopened."));
        QVERIFY(window.openStory(id)); // it can still be opened by hand
        window.close();
    }
    // That session closed cleanly: the story opens again as usual.
    MainWindow window(openLibrary());
    signIn(window);
    QSignalSpy started(&window, &MainWindow::startupFinished);
    window.show();
    QVERIFY(started.wait(10000));
    QCOMPARE(window.editor()->storyId(), id);
    QVERIFY(window.statusBar()->currentMessage().isEmpty());
}

// Changes that no save could write before the program stopped are in the recovery journal:
// the next start puts them into the story (as a revision of their own), says so, and only then
// lets go of the journal.
void TestMainWindow::journalIsRecoveredAtStart()
{
    QString path;
    Story base;
    {
        auto db = openLibrary();
        fillLibrary(*db);
        base = StoryRepository(*db).get(2).value();
        path = db->path();
    }
    JournalEntry entry;
    entry.base = base;
    entry.pending = base;
    entry.pending.body += QStringLiteral("\n\nTyped before the power cut.");
    const RecoveryJournal journal(path);
    QVERIFY(journal.write(entry));

    MainWindow window(openLibrary());

    signIn(window);
    QSignalSpy started(&window, &MainWindow::startupFinished);
    window.show();
    QVERIFY(started.wait(10000));
    const Story after = StoryRepository(window.database()).get(2).value();
    QVERIFY(after.body.endsWith(QStringLiteral("Typed before the power cut.")));
    QCOMPARE(window.editor()->storyId(), qint64(2));
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Recovered unsaved changes (text) to “Fishing crew "
                                               "rescued off Manila” from ")) &&
                 message.endsWith(QStringLiteral("the version before is in its history.")),
             qPrintable(message));
    QVERIFY(!journal.exists());
    const std::optional<Revision> latest = RevisionRepository(window.database()).latest(2);
    QVERIFY(latest);
    QCOMPARE(latest->note, QStringLiteral("recovered unsaved changes"));
    QVERIFY(RevisionRepository(window.database()).forStory(2)->size() >= 2);
}

QTEST_MAIN(TestMainWindow)
// The snippet's context before the first match is cut from the left when it would push the
// match out of a narrow column; a short context, or a match at the start, is left as it is.
void TestMainWindow::aNarrowListStillShowsTheFirstMatch()
{
    using Run = StoryListDelegate::Run;
    const QFontMetrics metrics(QApplication::font());
    const QVector<Run> runs = StoryListDelegate::snippetRuns(
        QStringLiteral("…the committee heard from seven families and their lawyers before the "
                       "\x02"
                       "court\x03 ruled"));
    QCOMPARE(runs.size(), 3);
    const int width = 200;
    const QVector<Run> fitted = StoryListDelegate::fitFirstMatch(runs, metrics, width);
    QCOMPARE(fitted.size(), 3);
    QVERIFY(fitted.at(0).text.startsWith(QStringLiteral("…")));
    // The end of the context, from a word boundary on.
    QVERIFY2(fitted.at(0).text.endsWith(QStringLiteral(" the ")), qPrintable(fitted.at(0).text));
    QVERIFY(fitted.at(0).text.size() < runs.at(0).text.size());
    QVERIFY(metrics.horizontalAdvance(fitted.at(0).text) <=
            width / 3 + metrics.horizontalAdvance(QStringLiteral("…")));
    QCOMPARE(fitted.at(1).text, QStringLiteral("court"));
    QVERIFY(fitted.at(1).matched);
    // Wide enough: nothing cut.
    QCOMPARE(StoryListDelegate::fitFirstMatch(runs, metrics, 5000).at(0).text, runs.at(0).text);
    // A match first, or no match: as it was.
    const QVector<Run> first = StoryListDelegate::snippetRuns(QStringLiteral("\x02"
                                                                             "court\x03 ruled"));
    QCOMPARE(StoryListDelegate::fitFirstMatch(first, metrics, 10).size(), first.size());
    const QVector<Run> none = StoryListDelegate::snippetRuns(QStringLiteral("no match here"));
    QCOMPARE(StoryListDelegate::fitFirstMatch(none, metrics, 10).at(0).text, none.at(0).text);
}

// The error strip takes its colours from the palette: dark text on a light tint in a light
// theme, light text on a dark tint in a dark one, and it follows a theme change while shown.
void TestMainWindow::errorStripIsReadableInLightAndDarkThemes()
{
    const QPalette original = QApplication::palette();
    const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
    QWidget parent;
    auto *strip = new ErrorStrip(&parent);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    strip->showMessage(QStringLiteral("The open story could not be saved: disk is full"));
    QVERIFY(!strip->isHidden());
    QCOMPARE(strip->message(), QStringLiteral("The open story could not be saved: disk is full"));

    const auto contrast = [strip] {
        const QPalette p = strip->palette();
        return p.color(QPalette::WindowText).lightnessF() - p.color(QPalette::Window).lightnessF();
    };
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::WindowText, Qt::black);
    QApplication::setPalette(light);
    QTRY_VERIFY2(contrast() < -0.4, qPrintable(QString::number(contrast())));
    const QColor lightTint = strip->palette().color(QPalette::Window);
    QVERIFY(lightTint.red() > lightTint.green()); // toward red: an error

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    QApplication::setPalette(dark);
    QTRY_VERIFY2(contrast() > 0.4, qPrintable(QString::number(contrast())));
    QVERIFY(strip->palette().color(QPalette::Window).lightnessF() < 0.5);

    strip->clearMessage();
    QVERIFY(strip->isHidden());
    QVERIFY(strip->message().isEmpty());
}

#include "tst_mainwindow.moc"
