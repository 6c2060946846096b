// MainWindow's menus and the actions that only the menus reach (mainwindow.cpp has the rest).

#include "window/mainwindow.h"

#include "browser/librarybrowser.h"
#include "browser/storyactions.h"
#include "browser/storyfilterbar.h"
#include "browser/storylistview.h"
#include "common/uisettings.h"
#include "editor/bodyeditor.h"
#include "editor/formatactions.h"
#include "editor/previewpane.h"
#include "editor/spellingmenu.h"
#include "editor/storyeditor.h"
#include "output/exportactions.h"
#include "review/auditdialog.h"
#include "review/reviewdock.h"
#include "window/importactions.h"
#include "window/libraryswitcher.h"
#include "window/persondialog.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace fo {

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setToolTipsVisible(true); // a disabled action says which role it needs
    mLibraries = new LibrarySwitcher(*this, *mSession);
    file->addAction(mLibraries->openAction());
    file->addMenu(mLibraries->recentMenu());
    file->addAction(mLibraries->newAction());
    file->addSeparator();
    file->addAction(mActions->newAction());
    file->addAction(mActions->duplicateAction());
    buildImportAction(file);
    file->addSeparator();
    file->addAction(mActions->archiveAction());
    file->addAction(mActions->trashAction());
    file->addAction(mActions->restoreAction());
    file->addAction(mActions->emptyTrashAction());
    file->addSeparator();
    buildExportActions(file);
    file->addAction(mEditor->printAction());
    file->addSeparator();
    buildBackupActions(file);
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
    file->addAction(mExport->packetFromSelectionAction());
    // The list's context menu: its actions (Move to Trash, a packet of the selected stories).
    mBrowser->listView()->addAction(mExport->packetFromSelectionAction());
    mBrowser->listView()->setContextMenuPolicy(Qt::ActionsContextMenu);
    file->addAction(mExport->organisationAction());
    connect(mExport, &ExportActions::messageShown, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
}

void MainWindow::buildImportAction(QMenu *file)
{
    mImport = new ImportActions(*mSession, this);
    file->addAction(mImport->importAction());
    connect(mImport, &ImportActions::messageShown, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(mImport, &ImportActions::storiesImported, this, [this] {
        reloadFilterChoices(); // new offices and tags
        mBrowser->refreshSoon();
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
    // Ctrl+F finds in the open story (KDE's convention); the library's search is Ctrl+Shift+F.
    edit->addActions(mEditor->findActions());
    QAction *find =
        edit->addAction(tr("&Search Library"), mBrowser->filterBar(), &StoryFilterBar::focusSearch);
    find->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    connect(mEditor, &StoryEditor::librarySearchRequested, mBrowser->filterBar(),
            &StoryFilterBar::focusSearch);
    // Spelling as you type (issue 12 item 3), remembered.
    edit->addSeparator();
    QAction *spelling = edit->addAction(tr("Check &Spelling"));
    spelling->setObjectName(QStringLiteral("checkSpellingAction"));
    spelling->setCheckable(true);
    spelling->setChecked(UiSettings().spellCheck());
    mEditor->setSpellCheckEnabled(spelling->isChecked());
    connect(spelling, &QAction::toggled, this, [this](bool on) {
        UiSettings().setSpellCheck(on);
        mEditor->setSpellCheckEnabled(on);
    });
    fillEnglishSpellingMenu(edit->addMenu(tr("&English Spelling")), mEditor);
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
    if (QWidget *dock = mReviewDock->focusTarget()) { // issue 12: the Review dock is a pane
        list << PaneCycler::Pane{mReviewDock, dock};
    }
    return list;
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
    review->addAction(mReviewDock->submitAction());  // Ctrl+Alt+S
    review->addAction(mReviewDock->approveAction()); // Ctrl+Alt+A
    review->addAction(mReviewDock->fourEyesAction());
    review->addSeparator();
    QAction *audit = review->addAction(tr("&Audit Trail…"), this, &MainWindow::showAuditTrail);
    audit->setObjectName(QStringLiteral("auditTrailAction"));
    audit->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
}

} // namespace fo
