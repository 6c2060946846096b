#include "mainwindow.h"
#include "childsignals.h"

#include "auditdialog.h"
#include "bodyeditor.h"
#include "database.h"
#include "exportactions.h"
#include "formatactions.h"
#include "librarybrowser.h"
#include "officerepository.h"
#include "persondialog.h"
#include "personrepository.h"
#include "previewpane.h"
#include "reviewdock.h"
#include "session.h"
#include "storyactions.h"
#include "storyeditor.h"
#include "storyfilterbar.h"
#include "storylistview.h"
#include "tagrepository.h"
#include "windowstatus.h"

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
    mActions = new StoryActions(*mDb, this);
    mSession = new Session(*mDb, this);
    buildWidgets();
    buildMenus();
    mStatus = new WindowStatus(statusBar(), *mDb);
    mPersonLabel = new QLabel(this);
    mPersonLabel->setObjectName(QStringLiteral("personLabel"));
    mPersonLabel->setAccessibleName(tr("Current person"));
    statusBar()->addPermanentWidget(mPersonLabel);
    connect(mSession, &Session::personChanged, this, &MainWindow::onPersonChanged);
    onPersonChanged(mSession->person());

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
    QString error;
    mEditor->save(&error);
    disconnectChildSignals(this);
    // Both read through mDb, which closes with this destructor's members; as children they
    // would only go later.
    delete mEditor;
    delete mBrowser;
}

void MainWindow::buildWidgets()
{
    mBrowser = new LibraryBrowser(*mDb, this);
    mEditor = new StoryEditor(*mDb, this);
    mSplitter = new QSplitter(Qt::Horizontal, this);
    mSplitter->setObjectName(QStringLiteral("mainSplitter"));
    mSplitter->setChildrenCollapsible(false);
    mSplitter->addWidget(mBrowser);
    mSplitter->addWidget(mEditor);
    mSplitter->setStretchFactor(0, 2);
    mSplitter->setStretchFactor(1, 5);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
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

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(mActions->newAction());
    file->addAction(mActions->duplicateAction());
    file->addSeparator();
    file->addAction(mActions->archiveAction());
    file->addAction(mActions->trashAction());
    file->addAction(mActions->restoreAction());
    file->addAction(mActions->emptyTrashAction());
    file->addSeparator();
    buildExportActions(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    buildEditMenu();
    QMenu *format = menuBar()->addMenu(tr("F&ormat"));
    for (QAction *action : mEditor->formatActions()->actions()) {
        if (action) {
            format->addAction(action);
        } else {
            format->addSeparator();
        }
    }
    buildViewMenu();
    buildReviewMenu();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Field Office"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::buildExportActions(QMenu *file)
{
    mExport = new ExportActions(*mSession, mBrowser->listView(), this);
    file->addAction(mExport->storyAction());
    file->addAction(mExport->packetAction());
    file->addAction(mExport->organisationAction());
    connect(mEditor, &StoryEditor::storyChanged, mExport, &ExportActions::setOpenStory);
    connect(mExport, &ExportActions::messageShown, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    // Exports read the library: the open story's latest text goes there first.
    mExport->setSaveHook([this] {
        QString error;
        if (mEditor->save(&error)) {
            return true;
        }
        statusBar()->showMessage(tr("The open story could not be saved: %1").arg(error));
        return false;
    });
}

void MainWindow::buildEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(mEditor->undoAction());
    edit->addAction(mEditor->redoAction());
    edit->addSeparator();
    // On whatever has the focus; text fields handle these keys themselves first.
    const struct
    {
        QString text;
        QKeySequence::StandardKey key;
        const char *slot;
    } standard[] = {
        {tr("Cu&t"), QKeySequence::Cut, "cut"},
        {tr("&Copy"), QKeySequence::Copy, "copy"},
        {tr("&Paste"), QKeySequence::Paste, "paste"},
        {tr("Select &All"), QKeySequence::SelectAll, "selectAll"},
    };
    for (const auto &entry : standard) {
        const char *slot = entry.slot;
        QAction *action = edit->addAction(entry.text, this, [this, slot] { forFocusWidget(slot); });
        action->setShortcut(entry.key);
    }
    edit->addSeparator();
    QAction *find =
        edit->addAction(tr("&Find"), mBrowser->filterBar(), &StoryFilterBar::focusSearch);
    find->setShortcut(QKeySequence::Find);
}

namespace {

QAction *addToggle(QMenu *menu, const QString &text, const QString &objectName,
                   const QKeySequence &shortcut)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(objectName);
    action->setCheckable(true);
    action->setShortcut(shortcut);
    return action;
}

} // namespace

void MainWindow::buildViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    mTrashView = addToggle(view, tr("&Trash"), QStringLiteral("trashViewAction"),
                           QKeySequence(tr("Ctrl+Shift+T")));
    connect(mTrashView, &QAction::toggled, mBrowser->filterBar(), &StoryFilterBar::setTrashShown);
    mListView = addToggle(view, tr("Story &List"), QStringLiteral("listViewAction"),
                          QKeySequence(tr("Ctrl+Shift+L")));
    connect(mListView, &QAction::toggled, mBrowser, &QWidget::setVisible);
    mPreviewView = addToggle(view, tr("&Preview"), QStringLiteral("previewViewAction"),
                             QKeySequence(tr("Ctrl+Shift+P")));
    connect(mPreviewView, &QAction::toggled, mEditor, &StoryEditor::setPreviewVisible);
    view->addSeparator();
    auto *cycler = new PaneCycler([this] { return panes(); }, this);
    QAction *next = view->addAction(tr("&Next Pane"), cycler, &PaneCycler::next);
    next->setShortcut(QKeySequence(Qt::Key_F6));
    QAction *previous = view->addAction(tr("Pre&vious Pane"), cycler, &PaneCycler::previous);
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    view->addSeparator();
    QAction *refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
}

QList<PaneCycler::Pane> MainWindow::panes() const
{
    QList<PaneCycler::Pane> list;
    if (mBrowser->isVisible()) {
        StoryFilterBar *bar = mBrowser->filterBar();
        list << PaneCycler::Pane{bar, bar->searchEdit()}
             << PaneCycler::Pane{mBrowser->listView(), mBrowser->listView()};
    }
    if (mEditor->storyId()) {
        QWidget *first = mEditor->firstField();
        list << PaneCycler::Pane{first->parentWidget(), first}
             << PaneCycler::Pane{mEditor->bodyEditor(), mEditor->bodyEditor()};
        if (mEditor->isPreviewVisible()) {
            list << PaneCycler::Pane{mEditor->previewPane(), mEditor->previewPane()};
        }
    }
    return list;
}

void MainWindow::connectPanels()
{
    connect(mBrowser, &LibraryBrowser::filterChanged, this, &MainWindow::applyFilter);
    connect(mBrowser, &LibraryBrowser::storyPicked, this, &MainWindow::openStory);
    connect(mBrowser, &LibraryBrowser::loadFailed, this,
            [this](const QString &error) { statusBar()->showMessage(error); });
    connect(mEditor, &StoryEditor::storySaved, this, [this] {
        if (mChoicesStale) {
            mChoicesStale = false;
            reloadFilterChoices();
        }
        // After the save has returned: the list is read again once, whatever else happens.
        mBrowser->refreshSoon();
    });
    connect(mEditor, &StoryEditor::officesOrTagsChanged, this, [this] { mChoicesStale = true; });
    connect(mEditor, &StoryEditor::storyChanged, this, &MainWindow::onStoryChanged);
    connect(mEditor, &StoryEditor::storyChanged, mReviewDock, &ReviewDock::setStory);
    connect(mEditor, &StoryEditor::storySaved, mReviewDock, &ReviewDock::refresh);
    connect(mReviewDock, &ReviewDock::storyStateChanged, this, &MainWindow::onStoryStateChanged);
    mReviewDock->setSaveHook([this] {
        QString error;
        if (mEditor->save(&error)) {
            return true;
        }
        statusBar()->showMessage(tr("The open story could not be saved: %1").arg(error));
        return false;
    });
    connect(mEditor, &StoryEditor::modifiedChanged, this, &QWidget::setWindowModified);
    connect(mEditor, &StoryEditor::saveStatusChanged, this,
            [this] { mStatus->showSaveState(mEditor->saveStatusText(), mEditor->saveFailed()); });
    connect(mEditor, &StoryEditor::statisticsChanged, this, [this](int words, int minutes) {
        mStatus->showStatistics(mEditor->storyId() != 0, words, minutes);
    });
}

void MainWindow::connectStoryActions()
{
    mActions->setSaveHook([this] {
        QString error;
        if (mEditor->save(&error)) {
            return true;
        }
        QMessageBox::warning(this, tr("Not saved"),
                             tr("The open story could not be saved, so nothing else was "
                                "changed:\n\n%1")
                                 .arg(error));
        return false;
    });
    connect(mActions, &StoryActions::storyCreated, this, &MainWindow::onStoryCreated);
    connect(mActions, &StoryActions::storyTrashed, this, &MainWindow::onStoryTrashed);
    connect(mActions, &StoryActions::trashEmptied, this, &MainWindow::onTrashEmptied);
    connect(mActions, &StoryActions::storyArchived, this, &MainWindow::onStoryStateChanged);
    connect(mActions, &StoryActions::storyRestored, this, &MainWindow::onStoryStateChanged);
    connect(mActions, &StoryActions::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message);
        QMessageBox::warning(this, tr("Field Office"), message);
    });
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
        // First start: the review dock only where it fits beside the list and the editor
        // (Review ▸ Review Panel shows it anywhere).
        mReviewDock->setVisible(width() >= 1200);
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
            emit firstFrameShown();
            QTimer::singleShot(0, this, [this] {
                restoreOpenStory();
                emit startupFinished();
            });
        });
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::restoreOpenStory()
{
    if (mEditor->storyId() != 0) {
        return; // one was opened meanwhile
    }
    const qint64 id = mSettings.openStory(mDb->path());
    QString error;
    if (id > 0) {
        mEditor->openStory(id, &error); // gone since: the editor stays empty
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QString error;
    if (!mEditor->save(&error)) {
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
        mEditor->closeStory(); // nothing left to save in the destructor
    }
    saveSettings();
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
    QString error;
    const QVector<Office> offices = OfficeRepository(*mDb).all(&error);
    const QVector<Tag> tags = TagRepository(*mDb).all(&error);
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("Cannot read offices and tags: %1").arg(error));
    }
    mBrowser->setChoices(offices, tags);
    mEditor->setOffices(offices);
    mEditor->setTagChoices(tags);
}

void MainWindow::refresh()
{
    reloadFilterChoices();
    mBrowser->refresh();
    mEditor->reloadIfChanged();
    mActions->updateEnabled(true);
}

bool MainWindow::openStory(qint64 id)
{
    if (id == mEditor->storyId()) {
        return true;
    }
    QString error;
    if (!mEditor->save(&error)) {
        statusBar()->showMessage(tr("The open story could not be saved: %1").arg(error));
        // Back to the story that still holds the unsaved text, once this selection is done.
        QTimer::singleShot(0, this, [this] { mBrowser->setOpenStory(mEditor->storyId()); });
        return false;
    }
    if (!mEditor->openStory(id, &error)) {
        statusBar()->showMessage(tr("Cannot read story %1: %2").arg(id).arg(error));
        return false;
    }
    return true;
}

void MainWindow::onStoryChanged(qint64 id)
{
    mActions->setCurrentStory(mEditor->storedStory(), mEditor->isInTrash());
    mBrowser->setOpenStory(id);
    mSettings.setOpenStory(mDb->path(), id);
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
        mEditor->reload();
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

void MainWindow::forFocusWidget(const char *slot)
{
    if (QWidget *focus = QApplication::focusWidget()) {
        QMetaObject::invokeMethod(focus, slot);
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Field Office"),
                       tr("<h3>Field Office %1</h3>"
                          "<p>Write, review and release the news stories of field offices, "
                          "and assemble approved stories into press packets.</p>")
                           .arg(QStringLiteral(FO_VERSION)));
}

void MainWindow::buildReviewMenu()
{
    QMenu *review = menuBar()->addMenu(tr("&Review"));
    QAction *person = review->addAction(tr("&Switch Person…"), this, &MainWindow::showPersonDialog);
    person->setObjectName(QStringLiteral("switchPersonAction"));
    person->setShortcut(QKeySequence(tr("Ctrl+Alt+U")));
    review->addSeparator();
    QAction *dock = mReviewDock->toggleViewAction();
    dock->setText(tr("Review &Panel"));
    dock->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    review->addAction(dock);
    const struct
    {
        QString text;
        QString key;
        ReviewDock::Tab tab;
    } tabs[] = {
        {tr("&History"), tr("Ctrl+Shift+H"), ReviewDock::HistoryTab},
        {tr("&Comments"), tr("Ctrl+Shift+M"), ReviewDock::CommentsTab},
    };
    for (const auto &entry : tabs) {
        const ReviewDock::Tab tab = entry.tab;
        QAction *action =
            review->addAction(entry.text, this, [this, tab] { mReviewDock->showTab(tab); });
        action->setShortcut(QKeySequence(entry.key));
    }
    review->addSeparator();
    QAction *audit = review->addAction(tr("&Audit Trail…"), this, &MainWindow::showAuditTrail);
    audit->setObjectName(QStringLiteral("auditTrailAction"));
    audit->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
}

void MainWindow::restorePerson()
{
    const PersonRepository people(*mDb);
    const std::optional<Person> remembered = people.get(mSettings.person(mDb->path()));
    if (remembered && remembered->active) {
        mSession->setPerson(*remembered);
        return;
    }
    if (people.all(false).isEmpty()) {
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
    // What was typed so far is recorded for the person who typed it.
    QString error;
    if (!mEditor->save(&error)) {
        statusBar()->showMessage(tr("The open story could not be saved: %1").arg(error));
    }
    mEditor->setActor(person);
    mActions->setActor(person);
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
