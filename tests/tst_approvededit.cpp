// Issue 12 item 11: editing an approved story. A warning comes once, before the first change;
// the preview shows the DRAFT mark as soon as the approval is lost; a reviewer who fixed a typo
// submits and approves in one step unless the library's four-eyes rule forbids it.

#include "editortesting.h"
#include "refusaltesting.h"

#include "common/session.h"
#include "editor/approvededitguard.h"
#include "editor/formatactions.h"
#include "editor/previewpane.h"
#include "history/changelog.h"
#include "library/auditlog.h"
#include "library/reviewsettings.h"
#include "people/personrepository.h"
#include "review/reviewdock.h"
#include "review/reviewpanel.h"
#include "workflow/workflow.h"

#include <QStandardPaths>

using namespace fo;
using namespace editortesting;

class TestApprovedEdit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void aWarningComesOnceBeforeTheFirstChange();
    void keepingTheApprovalChangesNothing();
    void aChangeByMouseIsAskedAboutAndTakenBack();
    void thePreviewShowsDraftAsSoonAsTheApprovalIsLost();
    void submitAndApproveInOneStep();
    void theFourEyesRuleRefusesIt();
    void onlyAnAdminSetsTheRule();
    void thePanelOffersOneStepWhereAllowed();

private:
    /// A library with an admin, an editor and a reviewer (who may also edit), and one story
    /// the reviewer approved.
    std::unique_ptr<Database> makeLibrary();
    std::unique_ptr<MainWindow> openWindow(const Person &as);
    Person add(Database &db, const QString &name, Roles roles);

    std::unique_ptr<QTemporaryDir> mDir;
    Person mAdmin;
    Person mEditor;
    Person mReviewer;
    Person mSecondReviewer;
    qint64 mStory = 0;
};

void TestApprovedEdit::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestApprovedEdit::cleanup()
{
    UiSettings().clear();
    mDir.reset();
}

Person TestApprovedEdit::add(Database &db, const QString &name, Roles roles)
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

std::unique_ptr<Database> TestApprovedEdit::makeLibrary()
{
    auto db = openLibrary(*mDir);
    if (!db) {
        return nullptr;
    }
    mAdmin = add(*db, QStringLiteral("Ada Admin"), Role::Admin);
    mEditor = add(*db, QStringLiteral("Eddie Editor"), Role::Editor);
    mReviewer = add(*db, QStringLiteral("Rita Reviewer"), Role::Reviewer);
    mSecondReviewer = add(*db, QStringLiteral("Sam Second"), Role::Reviewer);
    mStory = addStory(*db, QStringLiteral("River Rises in Kolkata"),
                      QStringLiteral("The river rose quickly after the storm.\n"));
    QString error;
    StoryWriter writer(*db);
    if (!fo::testing::said(writer.perform(mStory, WorkflowAction::Submit, mEditor, QString()),
                           &error) ||
        !fo::testing::said(writer.perform(mStory, WorkflowAction::Approve, mReviewer, QString()),
                           &error)) {
        qWarning("%s", qPrintable(error));
    }
    return db;
}

std::unique_ptr<MainWindow> TestApprovedEdit::openWindow(const Person &as)
{
    auto db = makeLibrary();
    if (!db) {
        return nullptr;
    }
    auto window = std::make_unique<MainWindow>(std::move(db));
    window->setCurrentPerson(as);
    window->openStory(mStory);
    return window;
}

void TestApprovedEdit::aWarningComesOnceBeforeTheFirstChange()
{
    auto window = openWindow(mEditor);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    ApprovedEditGuard *guard = window->editor()->approvedEditGuard();
    QVERIFY(guard);
    QVERIFY(guard->isArmed());
    QTextEdit *text = body(*window);
    QString askedWith;
    bool storyUnchangedWhenAsked = false;
    guard->setConfirm([&](const QString &, const QString &question) {
        askedWith = question;
        storyUnchangedWhenAsked = !text->toPlainText().contains(QLatin1Char('!'));
        return true;
    });
    typeAtEnd(text, QStringLiteral("!!"));
    QCOMPARE(guard->warningsShown(), 1);
    QVERIFY2(storyUnchangedWhenAsked, "the warning must come before the change");
    QVERIFY2(askedWith.contains(QStringLiteral("withdraws the approval")), qPrintable(askedWith));
    QVERIFY(askedWith.contains(QStringLiteral("Draft")));
    // The key that was held back went through: both characters are there.
    QVERIFY2(text->toPlainText().endsWith(QStringLiteral("storm.!!")),
             qPrintable(text->toPlainText()));
    typeAtEnd(text, QStringLiteral(" More."));
    QCOMPARE(guard->warningsShown(), 1); // once
    QString error;
    QVERIFY(window->editor()->save(&error));
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Draft);
}

void TestApprovedEdit::keepingTheApprovalChangesNothing()
{
    auto window = openWindow(mEditor);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    ApprovedEditGuard *guard = window->editor()->approvedEditGuard();
    guard->setConfirm([](const QString &, const QString &) { return false; });
    QTextEdit *text = body(*window);
    const QString before = text->toPlainText();
    typeAtEnd(text, QStringLiteral("x"));
    QCOMPARE(text->toPlainText(), before);
    QVERIFY(!window->editor()->hasUnsavedChanges());
    QString error;
    QVERIFY(window->editor()->save(&error));
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Approved);
    QVERIFY(guard->isArmed()); // asked again at the next try
}

// A change that comes without a key (here the format toolbar's Bold) is asked about as it
// happens, and taken back when the person keeps the approval.
void TestApprovedEdit::aChangeByMouseIsAskedAboutAndTakenBack()
{
    auto window = openWindow(mEditor);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    ApprovedEditGuard *guard = window->editor()->approvedEditGuard();
    guard->setConfirm([](const QString &, const QString &) { return false; });
    QTextEdit *text = body(*window);
    text->setTextCursor(text->document()->find(QStringLiteral("river")));
    QAction *bold = nullptr;
    for (QAction *a : window->editor()->formatActions()->actions()) {
        if (a && a->objectName() == QStringLiteral("formatBold")) {
            bold = a;
        }
    }
    QVERIFY(bold);
    QVERIFY(bold->isEnabled());
    bold->trigger();
    QTRY_COMPARE(guard->warningsShown(), 1);
    QTRY_VERIFY(!window->editor()->currentStory().body.contains(QStringLiteral("**")));
    QString error;
    QVERIFY(window->editor()->save(&error));
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Approved);
}

void TestApprovedEdit::thePreviewShowsDraftAsSoonAsTheApprovalIsLost()
{
    auto window = openWindow(mEditor);
    QVERIFY(window);
    QVERIFY(showActive(*window));
    window->editor()->approvedEditGuard()->setConfirm(
        [](const QString &, const QString &) { return true; });
    PreviewPane *preview = window->editor()->previewPane();
    QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("The river rose")));
    QVERIFY(!preview->toPlainText().contains(QStringLiteral("DRAFT")));

    typeAtEnd(body(*window), QStringLiteral(" Roads closed."));
    // Without switching stories: as the preview follows the typing, and after the save.
    QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains(QStringLiteral("DRAFT")), 3000);
    QString error;
    QVERIFY(window->editor()->save(&error));
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Draft);
    QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains(QStringLiteral("Roads closed.")),
                             3000);
    QVERIFY(preview->toPlainText().contains(QStringLiteral("DRAFT")));
}

void TestApprovedEdit::submitAndApproveInOneStep()
{
    auto db = makeLibrary();
    QVERIFY(db);
    Story typo = stored(*db, mStory);
    typo.body = QStringLiteral("The river rose quickly after the storms.\n");
    QString error;
    QVERIFY2(fo::testing::said(StoryWriter(*db).update(typo, mReviewer), &error),
             qPrintable(error));
    QCOMPARE(stored(*db, mStory).status, StoryStatus::Draft);
    const qint64 logged = ChangeLog(*db).lastSequence();

    const auto result =
        fo::testing::said(StoryWriter(*db).submitAndApprove(mStory, mReviewer, QString()), &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->to, StoryStatus::Approved);
    QVERIFY(result->approval);
    QCOMPARE(stored(*db, mStory).status, StoryStatus::Approved);
    QVERIFY(Workflow(*db).approvalState(stored(*db, mStory)).valid);

    // Two transitions, each in the change log and the audit trail.
    const auto changes = ChangeLog(*db).since(logged);
    QVERIFY(changes);
    QCOMPARE(changes->size(), 2);
    QCOMPARE(changes->at(0).to, std::optional<StoryStatus>(StoryStatus::InReview));
    QCOMPARE(changes->at(1).to, std::optional<StoryStatus>(StoryStatus::Approved));
    AuditFilter filter;
    filter.storyId = mStory;
    filter.personId = mReviewer.id;
    filter.actions = {AuditAction::Submitted};
    QCOMPARE(*AuditLog(*db).count(filter), 1);
}

void TestApprovedEdit::theFourEyesRuleRefusesIt()
{
    auto db = makeLibrary();
    QVERIFY(db);
    QVERIFY(ReviewSettings(*db).setFourEyes(true));
    QVERIFY(ReviewSettings(*db).fourEyes());
    Story typo = stored(*db, mStory);
    typo.body = QStringLiteral("The river rose quickly after the storms.\n");
    QString error;
    QVERIFY(fo::testing::said(StoryWriter(*db).update(typo, mReviewer), &error));
    QVERIFY(!fo::testing::said(StoryWriter(*db).submitAndApprove(mStory, mReviewer, QString()),
                               &error));
    QVERIFY2(error.contains(QStringLiteral("four-eyes")), qPrintable(error));
    QCOMPARE(stored(*db, mStory).status, StoryStatus::Draft); // nothing half done

    // Submitted by the editor, the reviewer still may not approve their own change...
    QVERIFY(fo::testing::said(
        StoryWriter(*db).perform(mStory, WorkflowAction::Submit, mEditor, QString()), &error));
    error.clear();
    QVERIFY(!fo::testing::said(
        StoryWriter(*db).perform(mStory, WorkflowAction::Approve, mReviewer, QString()), &error));
    QVERIFY2(error.contains(QStringLiteral("four-eyes")), qPrintable(error));
    // ... another reviewer may.
    QVERIFY2(fo::testing::said(StoryWriter(*db).perform(mStory, WorkflowAction::Approve,
                                                        mSecondReviewer, QString()),
                               &error),
             qPrintable(error));

    // Off again (the default): the one step works.
    QVERIFY(ReviewSettings(*db).setFourEyes(false));
    typo = stored(*db, mStory);
    typo.body = QStringLiteral("The river rose quickly after the storm.\n");
    QVERIFY(fo::testing::said(StoryWriter(*db).update(typo, mReviewer), &error));
    QVERIFY2(
        fo::testing::said(StoryWriter(*db).submitAndApprove(mStory, mReviewer, QString()), &error),
        qPrintable(error));
}

void TestApprovedEdit::onlyAnAdminSetsTheRule()
{
    auto window = openWindow(mReviewer);
    QVERIFY(window);
    QVERIFY(Workflow::settingsRefusal(mAdmin).isEmpty());
    QAction *rule = window->reviewDock()->fourEyesAction();
    QVERIFY(!rule->isEnabled());
    QVERIFY(!Workflow::settingsRefusal(mReviewer).isEmpty());
    window->setCurrentPerson(mAdmin);
    QVERIFY(rule->isEnabled());
    rule->trigger();
    QVERIFY(ReviewSettings(window->database()).fourEyes());
}

void TestApprovedEdit::thePanelOffersOneStepWhereAllowed()
{
    auto window = openWindow(mReviewer);
    QVERIFY(window);
    window->reviewDock()->show();
    QVERIFY(showActive(*window));
    window->editor()->approvedEditGuard()->setConfirm(
        [](const QString &, const QString &) { return true; });
    ReviewPanel *panel = window->reviewDock()->reviewPanel();
    QVERIFY(!panel->submitAndApproveButton()->isVisibleTo(panel)); // approved: nothing to do
    typeAtEnd(body(*window), QStringLiteral(" Typo fixed."));
    QString error;
    QVERIFY(window->editor()->save(&error));
    QTRY_VERIFY(panel->submitAndApproveButton()->isVisibleTo(panel));
    QTest::mouseClick(panel->submitAndApproveButton(), Qt::LeftButton);
    QCOMPARE(stored(window->database(), mStory).status, StoryStatus::Approved);
    QVERIFY(stored(window->database(), mStory).body.contains(QStringLiteral("Typo fixed.")));

    // With the four-eyes rule the button is not offered.
    QVERIFY(ReviewSettings(window->database()).setFourEyes(true));
    typeAtEnd(body(*window), QStringLiteral(" Again."));
    QVERIFY(window->editor()->save(&error));
    QTRY_COMPARE(stored(window->database(), mStory).status, StoryStatus::Draft);
    panel->refresh();
    QVERIFY(!panel->submitAndApproveButton()->isVisibleTo(panel));
}

QTEST_MAIN(TestApprovedEdit)
#include "tst_approvededit.moc"
