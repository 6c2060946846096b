#include "editortesting.h"
#include "libraryopentesting.h"
#include "refusaltesting.h"

#include "common/session.h"
#include "editor/approvededitguard.h"
#include "people/personrepository.h"
#include "review/auditdialog.h"
#include "review/commentspanel.h"
#include "review/diffview.h"
#include "review/historypanel.h"
#include "review/reviewdock.h"
#include "review/reviewpanel.h"
#include "review/storypicker.h"
#include "stories/storywriter.h"
#include "window/persondialog.h"
#include "workflow/workflow.h"

#include "common/errorstrip.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>

using namespace fo;
using namespace editortesting;

/// The review side of the window: approving through the review panel, an edit after approval
/// shown as "changed since approval" with its word diff, roles gating the buttons, refusals,
/// history, comments, the audit trail and who the window works as.
class TestReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void editAfterApprovalShowsTheChangedWord();
    void undoSurvivesAnApproval();
    void anApprovalRefreshesThePanelOnce();
    void aFailedFlushStopsTheActionAndSaysWhy();
    void editorGetsNoApproveButton();
    void requestChangesNeedsAComment();
    void archivedStoryIsReadOnlyWithTheReason();
    void historyComparesAndRestores();
    void commentsOnASelectionShowTheirPassage();
    void auditTrailFilters();
    void auditStoryFilterPicksByHeadline();
    void rememberedPersonIsRestored();
    void firstPersonGetsEveryRole();

private:
    /// A library with a reviewer, an editor and one story in review; opens a window on it.
    enum As
    {
        AsReviewer,
        AsEditor
    };
    std::unique_ptr<MainWindow> openWindow(As as);
    Person addPerson(Database &db, const QString &name, Roles roles);

    std::unique_ptr<QTemporaryDir> mDir;
    Person mReviewer;
    Person mEditor;
    qint64 mStory = 0;
};

void TestReview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // never the user's settings
}

void TestReview::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestReview::cleanup()
{
    UiSettings().clear();
    mDir.reset();
}

Person TestReview::addPerson(Database &db, const QString &name, Roles roles)
{
    Person p;
    p.name = name;
    p.roles = roles;
    QString error;
    if (!fo::testing::said(PersonRepository(db).add(p, Person()), &error)) {
        qWarning("%s", qPrintable(error));
    }
    return p;
}

std::unique_ptr<MainWindow> TestReview::openWindow(As as)
{
    auto db = openLibrary(*mDir);
    if (!db) {
        return nullptr;
    }
    addPerson(*db, QStringLiteral("Admin"), Roles(Role::Admin) | Role::Editor);
    mReviewer = addPerson(*db, QStringLiteral("Rita Reviewer"), Role::Reviewer);
    mEditor = addPerson(*db, QStringLiteral("Eddie Editor"), Role::Editor);
    mStory = addStory(*db, QStringLiteral("River Rises in Kolkata"),
                      QStringLiteral("The river rose quickly after the storm.\n\n"
                                     "Families moved to the school on the hill.\n"));
    QString error;
    if (!fo::testing::said(
            StoryWriter(*db).perform(mStory, WorkflowAction::Submit, mEditor, QString()), &error)) {
        qWarning("%s", qPrintable(error));
    }
    auto window = std::make_unique<MainWindow>(std::move(db));
    window->setCurrentPerson(as == AsReviewer ? mReviewer : mEditor);
    window->reviewDock()->show(); // the offscreen screen is small: it starts hidden there
    window->openStory(mStory);
    // Changing an approved story asks first (tst_approvededit); these tests go on.
    window->editor()->approvedEditGuard()->setConfirm(
        [](const QString &, const QString &) { return true; });
    return window;
}

void TestReview::editAfterApprovalShowsTheChangedWord()
{
    auto window = openWindow(AsReviewer);
    QVERIFY(window);
    QCOMPARE(window->session()->person().name, QStringLiteral("Rita Reviewer"));
    QVERIFY(showActive(*window));
    ReviewPanel *panel = window->reviewDock()->reviewPanel();
    QCOMPARE(panel->statusText(), QStringLiteral("In review"));

    // The reviewer approves through the panel.
    QPushButton *approve = panel->actionButton(WorkflowAction::Approve);
    QVERIFY(approve && approve->isVisible());
    QTest::mouseClick(approve, Qt::LeftButton);
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Approved);
    QVERIFY2(panel->statusText().startsWith(QStringLiteral("Approved")),
             qPrintable(panel->statusText()));
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("reviewApprovals"))
                ->text()
                .contains(QStringLiteral("Rita Reviewer")));
    QVERIFY(panel->diffView()->isHidden());

    // The editor changes one word in the editor; autosave writes it as the editor.
    window->setCurrentPerson(mEditor);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("personLabel"))
                ->text()
                .contains(QStringLiteral("Eddie Editor")));
    QTextEdit *text = body(*window);
    QVERIFY(!text->isReadOnly());
    QTextCursor word = text->document()->find(QStringLiteral("quickly"));
    QVERIFY(!word.isNull());
    text->setFocus();
    text->setTextCursor(word);
    QTest::keyClicks(text, QStringLiteral("slowly"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->statusText().contains(QStringLiteral("changed since approval")),
                             5000);

    const Story after = stored(window->database(), mStory);
    QCOMPARE(after.status, StoryStatus::Draft);
    QVERIFY(after.body.contains(QStringLiteral("rose slowly after")));
    const std::optional<Revision> latest = RevisionRepository(window->database()).latest(mStory);
    QVERIFY(latest);
    QCOMPARE(latest->personName, QStringLiteral("Eddie Editor"));

    // The diff since the approved revision marks exactly that word.
    QVERIFY(!panel->diffView()->isHidden());
    const QString html = panel->diffView()->diffHtml();
    QCOMPARE(html.count(QStringLiteral("<ins>")), 1);
    QCOMPARE(html.count(QStringLiteral("<del>")), 1);
    QVERIFY2(html.contains(QStringLiteral("<ins>slowly</ins>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<del>quickly</del>")), qPrintable(html));
    // What the view shows carries no link or image to load.
    QVERIFY(panel->diffView()->toPlainText().contains(QStringLiteral("slowly")));
}

// Typing, then approving through the review panel: the typing is saved first, the editor shows
// the new state without opening the story again, and Undo still takes the typing back.
void TestReview::undoSurvivesAnApproval()
{
    auto window = openWindow(AsReviewer);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    ReviewPanel *panel = window->reviewDock()->reviewPanel();
    QTextEdit *text = body(*window);
    const QString before = text->toPlainText();
    typeAtEnd(text, QStringLiteral(" Rescuers came."));
    const int steps = window->editor()->undoStack()->count();
    QVERIFY(steps > 0);
    QSignalSpy reopened(window->editor(), &StoryEditor::storyChanged);

    QTest::mouseClick(panel->actionButton(WorkflowAction::Approve), Qt::LeftButton);
    Story now = stored(window->database(), mStory);
    QCOMPARE(now.status, StoryStatus::Approved);
    QVERIFY(now.body.contains(QStringLiteral("Rescuers came."))); // flushed before the approval
    QCOMPARE(reopened.count(), 0);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("storyStatus"))
                ->text()
                .startsWith(QStringLiteral("Approved")));
    QCOMPARE(window->editor()->undoStack()->count(), steps);
    QVERIFY(window->editor()->undoAction()->isEnabled());

    // Ctrl+Z in the text, as often as there are steps: the typing goes, and the undone text is
    // saved (an edit after the approval: back to Draft).
    text->setFocus();
    for (int i = 0; i < steps; ++i) {
        QTest::keySequence(text, QKeySequence::Undo);
    }
    QCOMPARE(text->toPlainText(), before);
    QString error;
    QVERIFY2(window->editor()->save(&error), qPrintable(error));
    now = stored(window->database(), mStory);
    QVERIFY(!now.body.contains(QStringLiteral("Rescuers")));
    QCOMPARE(now.status, StoryStatus::Draft);
    QTRY_VERIFY(panel->statusText().startsWith(QStringLiteral("Draft")));
}

// One approval reads the review panel's state once (no second and third pass through the dock
// and the reopened editor).
void TestReview::anApprovalRefreshesThePanelOnce()
{
    auto window = openWindow(AsReviewer);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    ReviewPanel *panel = window->reviewDock()->reviewPanel();
    QSignalSpy refreshed(panel, &ReviewPanel::refreshed);
    QSignalSpy reopened(window->editor(), &StoryEditor::storyChanged);
    QTest::mouseClick(panel->actionButton(WorkflowAction::Approve), Qt::LeftButton);
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Approved);
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(reopened.count(), 0);
    QVERIFY(panel->statusText().startsWith(QStringLiteral("Approved")));
    // Release, the next state: once again.
    refreshed.clear();
    QTest::mouseClick(panel->actionButton(WorkflowAction::Release), Qt::LeftButton);
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Released);
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(reopened.count(), 0);
}

// The open story cannot be saved (as on a full disk): the approval does not happen, the panel
// says so, and the window's error strip says why, once.
void TestReview::aFailedFlushStopsTheActionAndSaysWhy()
{
    auto window = openWindow(AsReviewer);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    QString error;
    auto other =
        fo::testing::openLibrary(window->database().path(), Database::OpenMode::MustExist, &error);
    QVERIFY2(other, qPrintable(error));
    QSqlQuery q(other->connection());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE UPDATE ON stories BEGIN "
                                  "SELECT RAISE(ABORT, 'disk is full'); END")));
    typeAtEnd(body(*window), QStringLiteral(" unsaved"));
    ReviewPanel *panel = window->reviewDock()->reviewPanel();
    QTest::mouseClick(panel->actionButton(WorkflowAction::Approve), Qt::LeftButton);
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::InReview);
    QCOMPARE(panel->messageText(),
             QStringLiteral("The open story could not be saved, so its state was not changed."));
    auto *strip = window->findChild<ErrorStrip *>(QStringLiteral("windowErrorStrip"));
    QVERIFY(strip);
    QVERIFY2(strip->message().startsWith(QStringLiteral("The open story could not be saved: ")) &&
                 strip->message().contains(QStringLiteral("disk is full")),
             qPrintable(strip->message()));
    QVERIFY(body(*window)->toPlainText().contains(QStringLiteral("unsaved")));
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse")));
}

void TestReview::editorGetsNoApproveButton()
{
    auto window = openWindow(AsEditor);
    QVERIFY(window);
    QCOMPARE(window->session()->person().name, QStringLiteral("Eddie Editor"));
    ReviewPanel *panel = window->reviewDock()->reviewPanel();
    QVERIFY(panel->actionButton(WorkflowAction::Approve)->isHidden());
    QVERIFY(panel->actionButton(WorkflowAction::RequestChanges)->isHidden());
    QVERIFY(!panel->actionButton(WorkflowAction::Archive)->isHidden());
    // Even when asked directly, the core refuses and the panel says why.
    QVERIFY(!panel->perform(WorkflowAction::Approve));
    QVERIFY(!panel->messageText().isEmpty());
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::InReview);

    window->setCurrentPerson(mReviewer);
    QVERIFY(!panel->actionButton(WorkflowAction::Approve)->isHidden());
}

void TestReview::requestChangesNeedsAComment()
{
    auto window = openWindow(AsReviewer);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    ReviewPanel *panel = window->reviewDock()->reviewPanel();
    QPushButton *request = panel->actionButton(WorkflowAction::RequestChanges);
    QVERIFY(request->isVisible());
    QTest::mouseClick(request, Qt::LeftButton);
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::InReview);
    QVERIFY2(panel->messageText().contains(QStringLiteral("comment"), Qt::CaseInsensitive),
             qPrintable(panel->messageText()));

    auto *comment = window->findChild<QPlainTextEdit *>(QStringLiteral("reviewComment"));
    QVERIFY(comment);
    QTest::keyClicks(comment, QStringLiteral("Name the school."));
    QTest::mouseClick(request, Qt::LeftButton);
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::ChangesRequested);
    QVERIFY(comment->toPlainText().isEmpty());
    // The request is in the story's comments.
    CommentsPanel *comments = window->reviewDock()->commentsPanel();
    bool found = false;
    for (int row = 0; row < comments->model()->rowCount(); ++row) {
        found = found || comments->model()->index(row, 0).data().toString().contains(
                             QStringLiteral("Name the school."));
    }
    QVERIFY(found);
}

void TestReview::archivedStoryIsReadOnlyWithTheReason()
{
    auto window = openWindow(AsEditor);
    QVERIFY(window);
    ReviewPanel *panel = window->reviewDock()->reviewPanel();
    QVERIFY(panel->perform(WorkflowAction::Archive));
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Archived);
    QVERIFY(window->editor()->isReadOnly());
    QVERIFY(body(*window)->isReadOnly());
    QVERIFY(!panel->actionButton(WorkflowAction::Reopen)->isHidden());
    QVERIFY(panel->perform(WorkflowAction::Reopen));
    QVERIFY(!window->editor()->isReadOnly());

    // A reviewer-only person may edit; an exporter-only person may not, and sees why.
    Person exporter = addPerson(window->database(), QStringLiteral("Ola Exporter"), Role::Exporter);
    window->setCurrentPerson(exporter);
    QVERIFY(window->editor()->isReadOnly());
    QVERIFY(body(*window)->isReadOnly());
}

void TestReview::historyComparesAndRestores()
{
    auto window = openWindow(AsEditor);
    QVERIFY(window);
    Story changed = stored(window->database(), mStory);
    changed.headline = QStringLiteral("River Falls in Kolkata");
    QString error;
    QVERIFY2(fo::testing::said(StoryWriter(window->database()).update(changed, mEditor), &error),
             qPrintable(error));
    window->editor()->reload();

    HistoryPanel *history = window->reviewDock()->historyPanel();
    RevisionTableModel *model = history->model();
    QVERIFY(model->rowCount() >= 3); // created, submitted, edited
    const int newest = model->revisionAt(0).number;
    QCOMPARE(model->revisionAt(0).personName, QStringLiteral("Eddie Editor"));
    QVERIFY(history->compare(newest - 1, newest));
    const QString html = history->diffView()->diffHtml();
    QVERIFY2(html.contains(QStringLiteral("<del>Rises</del>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<ins>Falls</ins>")), qPrintable(html));

    history->setConfirm([](const QString &) { return false; });
    QVERIFY(!history->restore(newest - 1));
    QCOMPARE(stored(window->database(), mStory).headline, QStringLiteral("River Falls in Kolkata"));
    history->setConfirm([](const QString &) { return true; });
    QVERIFY(history->restore(newest - 1));
    QCOMPARE(stored(window->database(), mStory).headline, QStringLiteral("River Rises in Kolkata"));
    QCOMPARE(model->revisionAt(0).kind, RevisionKind::Restore);
    QCOMPARE(window->editor()->currentStory().headline, QStringLiteral("River Rises in Kolkata"));
}

void TestReview::commentsOnASelectionShowTheirPassage()
{
    auto window = openWindow(AsEditor);
    QVERIFY(window);
    CommentsPanel *comments = window->reviewDock()->commentsPanel();
    auto *text = window->findChild<QPlainTextEdit *>(QStringLiteral("commentText"));
    QTextEdit *storyBody = body(*window);
    storyBody->setTextCursor(storyBody->document()->find(QStringLiteral("school on the hill")));

    text->setPlainText(QStringLiteral("Which school?"));
    QVERIFY(comments->addComment(true));
    QStandardItemModel *model = comments->model();
    QCOMPARE(model->rowCount(), 1);
    const QString shown = model->index(0, 0).data().toString();
    QVERIFY2(shown.contains(QStringLiteral("On “school on the hill”")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("Which school?")));

    text->setPlainText(QStringLiteral("The one by the temple."));
    comments->view()->setCurrentIndex(model->index(0, 0));
    QVERIFY(comments->reply());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->item(0)->rowCount(), 1);

    comments->view()->setCurrentIndex(model->index(0, 0, model->index(0, 0)));
    QVERIFY(comments->toggleResolved());
    QVERIFY(CommentRepository(window->database()).forStory(mStory)->first().isResolved());

    // A general comment needs no selection.
    text->setPlainText(QStringLiteral("Looks good."));
    QVERIFY(comments->addComment(false));
    QCOMPARE(model->rowCount(), 2);
}

void TestReview::auditTrailFilters()
{
    auto window = openWindow(AsEditor);
    QVERIFY(window);
    AuditDialog dialog(window->database());
    AuditTableModel *model = dialog.model();
    QVERIFY(model->totalCount() > 0);
    while (model->canFetchMore(QModelIndex())) {
        model->fetchMore(QModelIndex());
    }
    QCOMPARE(model->rowCount(), model->totalCount());

    auto *action = dialog.findChild<QComboBox *>(QStringLiteral("auditAction"));
    action->setCurrentIndex(action->findData(int(AuditAction::Submitted)));
    QCOMPARE(model->totalCount(), 1);
    model->fetchMore(QModelIndex());
    QCOMPARE(model->index(0, AuditTableModel::PersonColumn).data().toString(),
             QStringLiteral("Eddie Editor"));

    auto *person = dialog.findChild<QComboBox *>(QStringLiteral("auditPerson"));
    person->setCurrentIndex(person->findData(mReviewer.id));
    QCOMPARE(model->totalCount(), 0);
}

// Issue 12 item 15: the story filter is a headline picker fed by the search, and the key
// columns are as wide as what they hold.
void TestReview::auditStoryFilterPicksByHeadline()
{
    auto window = openWindow(AsEditor);
    QVERIFY(window);
    addStory(window->database(), QStringLiteral("Court Clerks Digitise Files"),
             QStringLiteral("Text.\n"));
    AuditDialog dialog(window->database());
    dialog.resize(1000, 500);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const int all = dialog.model()->totalCount();
    StoryPicker *picker = dialog.storyPicker();
    QVERIFY(picker);
    picker->setText(QStringLiteral("river kolk"));
    picker->lookUp();
    QAbstractItemModel *matches = picker->matches()->model();
    QCOMPARE(matches->rowCount(), 1);
    QCOMPARE(matches->index(0, 0).data().toString(), QStringLiteral("River Rises in Kolkata"));
    picker->choose(0);
    QCOMPARE(picker->storyId(), mStory);
    QVERIFY(dialog.model()->totalCount() > 0);
    QVERIFY(dialog.model()->totalCount() < all);
    while (dialog.model()->canFetchMore(QModelIndex())) {
        dialog.model()->fetchMore(QModelIndex());
    }
    for (int row = 0; row < dialog.model()->rowCount(); ++row) {
        QCOMPARE(dialog.model()->index(row, AuditTableModel::StoryColumn).data().toLongLong(),
                 mStory);
    }
    // The date is not cut.
    auto *view = dialog.findChild<QTableView *>(QStringLiteral("auditView"));
    const QString when = dialog.model()->index(0, AuditTableModel::WhenColumn).data().toString();
    QTRY_VERIFY(view->columnWidth(AuditTableModel::WhenColumn) >=
                view->fontMetrics().horizontalAdvance(when));
    picker->clear();
    emit picker->textEdited(QString());
    QCOMPARE(picker->storyId(), 0);
    QCOMPARE(dialog.model()->totalCount(), all);
}

void TestReview::rememberedPersonIsRestored()
{
    {
        auto window = openWindow(AsEditor);
        QVERIFY(window);
        window->setCurrentPerson(mReviewer);
    }
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    MainWindow window(std::move(db));
    QCOMPARE(window.session()->person().id, mReviewer.id);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("personLabel"))
                ->text()
                .contains(QStringLiteral("Reviewer")));
}

void TestReview::firstPersonGetsEveryRole()
{
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    MainWindow window(std::move(db));
    QVERIFY(!window.session()->hasPerson());
    // The newcomer path of "Who Are You?" (issue 12 item 1): on a library without an admin the
    // first newcomer becomes its admin, with every role.
    PersonDialog dialog(*window.session(), &window);
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("newcomerName"));
    QVERIFY(name);
    QTest::keyClicks(name, QStringLiteral("Asha Admin"));
    QTest::keyClick(name, Qt::Key_Return);
    const Person &now = window.session()->person();
    QCOMPARE(now.name, QStringLiteral("Asha Admin"));
    for (Role role : allRoles()) {
        QVERIFY(now.has(role));
    }
}

QTEST_MAIN(TestReview)
#include "tst_review.moc"
