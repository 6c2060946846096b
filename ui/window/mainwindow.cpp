#include "window/mainwindow.h"
#include "common/childsignals.h"

#include "base/startuptrace.h"
#include "browser/librarybrowser.h"
#include "browser/storyactions.h"
#include "browser/storyfilterbar.h"
#include "browser/storylistview.h"
#include "common/errorstrip.h"
#include "common/session.h"
#include "editor/bodyeditor.h"
#include "editor/formatactions.h"
#include "editor/previewpane.h"
#include "editor/storyeditor.h"
#include "library/database.h"
#include "library/officerepository.h"
#include "library/tagrepository.h"
#include "messages/refusaltext.h"
#include "output/exportactions.h"
#include "people/personrepository.h"
#include "review/auditdialog.h"
#include "review/reviewdock.h"
#include "safety/backupactions.h"
#include "safety/librarywatcher.h"
#include "safety/startuprecovery.h"
#include "window/persondialog.h"
#include "window/windowstatus.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

namespace fo {

MainWindow::MainWindow(std::unique_ptr<Database> db, QWidget *parent)
    : QMainWindow(parent), mDb(std::move(db))
{
    Q_ASSERT(mDb);
    // Another program writing (an import of thousands of stories) must not freeze typing: a
    // save waits a moment, then fails, keeps the text and is tried again (Autosaver).
    mDb->setBusyTimeout(kBusyTimeoutMs);
    // [*] shows while changes have not reached the library yet.
    setWindowTitle(tr("Field Office — %1[*]").arg(QFileInfo(mDb->path()).fileName()));
    mSession = new Session(*mDb, this);
    mActions = new StoryActions(*mSession, this);
    buildWidgets();
    buildMenus();
    mStatus = new WindowStatus(statusBar(), *mDb);
    mPersonLabel = new QLabel(this);
    mPersonLabel->setObjectName(QStringLiteral("personLabel"));
    mPersonLabel->setAccessibleName(tr("Current person"));
    statusBar()->addPermanentWidget(mPersonLabel);
    connect(mSession, &Session::personChanged, this, &MainWindow::onPersonChanged);
    onPersonChanged(mSession->person());

    // Before any story opens: how the last session ended, and this one marked as running.
    mRecovery = std::make_unique<StartupRecovery>(*mDb, mSettings);
    reloadFilterChoices();
    restoreSettings(); // the remembered filters, layout and open story
    connectPanels();
    connectStoryActions();
    restorePerson();
    // The story that was open last time follows the first frame (restoreOpenStory()): the
    // window with the list shows without waiting for a long story and its preview.
}

MainWindow::~MainWindow()
{
    // Whatever is still unsaved goes to the library before it closes (closeEvent asks when
    // this fails; here nobody can be asked any more).
    mSession->flushQuietly(nullptr); // when it fails, the recovery journal keeps the changes
    mRecovery->closedCleanly();
    disconnectChildSignals(this);
    // Both read through mDb, which closes with this destructor's members; as children they
    // would only go later.
    delete mEditor;
    delete mBrowser;
}

void MainWindow::buildWidgets()
{
    mBrowser = new LibraryBrowser(*mDb, this);
    mEditor = new StoryEditor(*mSession, this);
    mSplitter = new QSplitter(Qt::Horizontal, this);
    mSplitter->setObjectName(QStringLiteral("mainSplitter"));
    mSplitter->setChildrenCollapsible(false);
    mSplitter->addWidget(mBrowser);
    mSplitter->addWidget(mEditor);
    mSplitter->setStretchFactor(0, 2);
    mSplitter->setStretchFactor(1, 5);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    mErrorStrip = new ErrorStrip(central);
    mErrorStrip->setObjectName(QStringLiteral("windowErrorStrip"));
    layout->addWidget(mErrorStrip);
    layout->addWidget(mSplitter);
    setCentralWidget(central);

    mReviewDock = new ReviewDock(*mSession, this);
    addDockWidget(Qt::RightDockWidgetArea, mReviewDock);
    // The editor makes its form and text with the first story it opens.
    connect(mEditor, &StoryEditor::pageBuilt, this, [this] {
        mReviewDock->setBodyEditor(mEditor->bodyEditor());
        setTabOrder(mBrowser->listView(), mEditor->firstField());
    });
    // Delete moves a story to the Trash only from the list: in the text it deletes text.
    mBrowser->listView()->addAction(mActions->trashAction());
}

void MainWindow::connectPanels()
{
    connect(mBrowser, &LibraryBrowser::filterChanged, this, &MainWindow::applyFilter);
    connect(mBrowser, &LibraryBrowser::storyPicked, this, &MainWindow::openStory);
    connect(mBrowser, &LibraryBrowser::loadFailed, this, &MainWindow::showError);
    connect(mSession, &Session::flushFailed, this, &MainWindow::showError);
    connect(mEditor, &StoryEditor::storySaved, this, [this] {
        mErrorStrip->clearMessage(); // the open story is saved again
        if (mChoicesStale) {
            mChoicesStale = false;
            reloadFilterChoices();
        }
        // After the save has returned: the list is read again once, whatever else happens.
        mBrowser->refreshSoon();
    });
    connect(mEditor, &StoryEditor::officesOrTagsChanged, this, [this] { mChoicesStale = true; });
    connect(mEditor, &StoryEditor::storyChanged, this, &MainWindow::onStoryChanged);
    connect(mEditor, &StoryEditor::historyRequested, this,
            [this] { mReviewDock->showTab(ReviewDock::HistoryTab); });
    // Another program's changes show within a second or two (or on coming back to the window).
    auto *watcher = new LibraryWatcher(*mDb, this);
    connect(watcher, &LibraryWatcher::libraryChanged, this, &MainWindow::refresh);
    connect(mEditor, &StoryEditor::storySaved, mReviewDock, &ReviewDock::refresh);
    // The one refresh path of a state change: the review dock follows the session itself.
    connect(mSession, &Session::storyStateChanged, this, &MainWindow::onStoryStateChanged);
    connect(mEditor, &StoryEditor::modifiedChanged, this, &QWidget::setWindowModified);
    connect(mEditor, &StoryEditor::saveStatusChanged, this,
            [this] { mStatus->showSaveState(mEditor->saveStatusText(), mEditor->saveFailed()); });
    connect(mEditor, &StoryEditor::statisticsChanged, this, [this](int words, int minutes) {
        mStatus->showStatistics(mEditor->storyId() != 0, words, minutes);
    });
}

void MainWindow::connectStoryActions()
{
    connect(mActions, &StoryActions::storyCreated, this, &MainWindow::onStoryCreated);
    connect(mActions, &StoryActions::storyTrashed, this, &MainWindow::onStoryTrashed);
    connect(mActions, &StoryActions::trashEmptied, this, &MainWindow::onTrashEmptied);
    connect(mActions, &StoryActions::failed, this, &MainWindow::showError);
}

void MainWindow::showError(const QString &message)
{
    mErrorStrip->showMessage(message);
}

void MainWindow::setCurrentPerson(const Person &person)
{
    mSession->setPerson(person);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(mSettings.mainWindowGeometry())) {
        // Roomy, but never larger than a small laptop's screen.
        QSize size(1280, 800);
        if (const QScreen *screen = this->screen()) {
            size = size.boundedTo(screen->availableGeometry().size() * 0.95);
        }
        resize(size);
    }
    if (!restoreState(mSettings.mainWindowState())) {
        // First start: the review dock only where it fits beside a list wide enough for its
        // headlines and the editor with its preview (Review ▸ Review Panel shows it anywhere).
        mReviewDock->setVisible(width() >= 1500);
    }
    if (!mSplitter->restoreState(mSettings.mainSplitterState())) {
        mSplitter->setSizes({width() * 9 / 25, width() * 16 / 25});
    }
    mBrowser->restoreState(mSettings);
    mActions->setDefaultOffice(mBrowser->filter().office);
    mEditor->restoreSplitterState(mSettings.editorSplitterState());
    mPreviewView->setChecked(mSettings.previewVisible());
    mEditor->setPreviewVisible(mSettings.previewVisible());
    mListView->setChecked(mSettings.storyListVisible());
    mBrowser->setVisible(mSettings.storyListVisible());
}

void MainWindow::saveSettings()
{
    mSettings.setMainWindowGeometry(saveGeometry());
    mSettings.setMainWindowState(saveState());
    mSettings.setMainSplitterState(mSplitter->saveState());
    mBrowser->saveState(mSettings);
    mSettings.setEditorSplitterState(mEditor->splitterState());
    mSettings.setPreviewVisible(mPreviewView->isChecked());
    mSettings.setStoryListVisible(mListView->isChecked());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!mFirstFrameSeen && windowHandle()) {
        windowHandle()->installEventFilter(this);
    }
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (!mFirstFrameSeen && watched == windowHandle() && event->type() == QEvent::Expose &&
        windowHandle()->isExposed()) {
        mFirstFrameSeen = true;
        windowHandle()->removeEventFilter(this);
        // The expose paints the window as soon as this returns; what follows comes after it.
        QTimer::singleShot(0, this, [this] {
            traceStartup("first frame");
            emit firstFrameShown();
            QTimer::singleShot(0, this, [this] {
                mBrowser->filterBar()->addClearButton();
                restoreOpenStory();
                emit startupFinished();
            });
        });
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::restoreOpenStory()
{
    const qint64 recovered = mRecovery->replayJournal(mSession->person());
    if (mEditor->storyId() != 0) {
        mEditor->reloadIfChanged(); // one was opened meanwhile
    } else {
        const qint64 remembered = recovered ? recovered : mSettings.openStory(mDb->path());
        const qint64 id = mRecovery->storyToReopen(remembered);
        QString error;
        if (id > 0) {
            mEditor->openStory(id, &error); // gone since: the editor stays empty
        }
    }
    if (!mRecovery->message().isEmpty()) {
        statusBar()->showMessage(mRecovery->message());
    }
}

void MainWindow::saveForShutdown()
{
    mSession->flushQuietly(nullptr); // when it fails, the recovery journal keeps the changes
    saveSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QString error;
    if (!mSession->flushQuietly(&error)) {
        QMessageBox box(QMessageBox::Warning, tr("Changes not saved"),
                        tr("Your latest changes could not be saved:\n\n%1").arg(error),
                        QMessageBox::Cancel, this);
        QPushButton *discard =
            box.addButton(tr("Close Without Saving"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != discard) {
            event->ignore();
            return;
        }
        mEditor->discardAndClose(); // nothing left to save in the destructor
    }
    saveSettings();
    mBackups->windowClosing(); // a backup when something changed, after the window has gone
    QMainWindow::closeEvent(event);
}

void MainWindow::applyFilter(const StoryFilter &filter)
{
    mSettings.setStoryListFilter(filter);
    mActions->setDefaultOffice(filter.office);
    const QSignalBlocker blocker(mTrashView);
    mTrashView->setChecked(filter.onlyDeleted);
}

void MainWindow::reloadFilterChoices()
{
    const Result<QVector<Office>> offices = OfficeRepository(*mDb).all();
    const Result<QVector<Tag>> tags = TagRepository(*mDb).all();
    if (!offices || !tags) {
        const Refusal &why = tags ? offices.refusal() : tags.refusal();
        showError(tr("Cannot read offices and tags: %1").arg(refusalText(why)));
    }
    mBrowser->setChoices(offices ? *offices : QVector<Office>(), tags ? *tags : QVector<Tag>());
    mEditor->setOffices(offices ? *offices : QVector<Office>());
    mEditor->setTagChoices(tags ? *tags : QVector<Tag>());
}

void MainWindow::refresh()
{
    reloadFilterChoices();
    mBrowser->refresh();
    mEditor->reloadIfChanged();
    mReviewDock->refresh(); // comments, approvals and revisions made elsewhere
    mActions->updateEnabled(true);
}

bool MainWindow::openStory(qint64 id)
{
    if (id == mEditor->storyId()) {
        return true;
    }
    if (!mSession->flush()) {
        // Back to the story that still holds the unsaved text, once this selection is done.
        QTimer::singleShot(0, this, [this] { mBrowser->setOpenStory(mEditor->storyId()); });
        return false;
    }
    QString error;
    if (!mEditor->openStory(id, &error)) {
        showError(tr("Cannot read story %1: %2").arg(id).arg(error));
        return false;
    }
    return true;
}

void MainWindow::onStoryChanged(qint64 id)
{
    mErrorStrip->clearMessage(); // it was about the story before
    mActions->setCurrentStory(mEditor->storedStory(), mEditor->isInTrash());
    mBrowser->setOpenStory(id);
    mSettings.setOpenStory(mDb->path(), id);
    mRecovery->storyOpened(id);
}

void MainWindow::onStoryCreated(qint64 id)
{
    mBrowser->filterBar()->setTrashShown(false);
    if (!mEditor->openStory(id, nullptr)) {
        return;
    }
    reloadFilterChoices(); // a duplicate may bring tags, a new story an office
    mBrowser->refresh();
    mActions->updateEnabled();
    mEditor->focusHeadline();
}

void MainWindow::onStoryTrashed(qint64 id)
{
    const int row = mBrowser->rowOfStory(id);
    const bool wasOpen = mEditor->storyId() == id;
    if (wasOpen) {
        mEditor->closeStory();
    }
    mBrowser->refresh();
    // The next story takes the place of the one that went, as in a mail program.
    const qint64 next = row >= 0 ? mBrowser->storyNear(row) : 0;
    if (wasOpen && next) {
        openStory(next);
    }
    mActions->updateEnabled(true);
    statusBar()->showMessage(tr("Moved to the Trash."), 5000);
}

void MainWindow::onStoryStateChanged(qint64 id)
{
    mBrowser->refresh();
    if (mEditor->storyId() == id) {
        mEditor->followStoryState(); // the text and its undo history stay
        mActions->setCurrentStory(mEditor->storedStory(), mEditor->isInTrash());
    }
    mActions->updateEnabled(true);
}

void MainWindow::onTrashEmptied(int count)
{
    if (mEditor->isInTrash()) {
        mEditor->closeStory();
    }
    reloadFilterChoices();
    mBrowser->refresh();
    mActions->updateEnabled(true);
    statusBar()->showMessage(count == 1 ? tr("One story deleted for good.")
                                        : tr("%1 stories deleted for good.").arg(count),
                             5000);
}

void MainWindow::restorePerson()
{
    const PersonRepository people(*mDb);
    const Result<Person> remembered = people.get(mSettings.person(mDb->path()));
    if (remembered && remembered->active) {
        mSession->setPerson(*remembered);
        return;
    }
    if (people.all(false).value_or(QVector<Person>()).isEmpty()) {
        return; // nobody set up yet: changes are recorded for nobody until someone is added
    }
    // Asked once the window shows, and never when someone was set meanwhile (tests do).
    QTimer::singleShot(0, this, [this] {
        if (!mSession->hasPerson() && isVisible()) {
            showPersonDialog();
        }
    });
}

void MainWindow::onPersonChanged(const Person &person)
{
    // The session wrote what was typed for the person who typed it; the panels follow it.
    if (person.isKnown()) {
        mSettings.setPerson(mDb->path(), person.id);
        QStringList roles;
        for (Role role : allRoles()) {
            if (person.has(role)) {
                roles << roleLabel(role);
            }
        }
        mPersonLabel->setText(tr("%1 (%2)").arg(person.name, roles.join(QStringLiteral(", "))));
    } else {
        mPersonLabel->setText(tr("Nobody (Review ▸ Switch Person…)"));
    }
}

void MainWindow::showPersonDialog()
{
    if (findChild<PersonDialog *>()) {
        return; // already asking
    }
    auto *dialog = new PersonDialog(*mSession, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // window-modal, without a nested event loop
}

void MainWindow::showAuditTrail()
{
    auto *dialog = new AuditDialog(*mDb, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace fo
