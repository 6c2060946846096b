// MainWindow's backups and what it does when the library turns out to be damaged
// (mainwindow.cpp has the rest).

#include "window/mainwindow.h"

#include "browser/storyactions.h"
#include "common/session.h"
#include "editor/bodyeditor.h"
#include "editor/formatactions.h"
#include "editor/metadataform.h"
#include "editor/storyeditor.h"
#include "library/database.h"
#include "library/writestop.h"
#include "messages/refusaltext.h"
#include "review/reviewdock.h"
#include "safety/backupactions.h"
#include "safety/damagebanner.h"
#include "window/importactions.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QVBoxLayout>

namespace fo {

void MainWindow::buildBackupActions(QMenu *file)
{
    mBackups = new BackupActions(*mDb, this);
    file->addAction(mBackups->backupsAction());
    mDamageBanner = new DamageBanner(centralWidget());
    if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout())) {
        layout->insertWidget(0, mDamageBanner);
    }
    connect(mDamageBanner, &DamageBanner::restoreRequested, mBackups,
            [this] { mBackups->showBackups(true); });
    connect(mBackups, &BackupActions::libraryDamaged, this, &MainWindow::onLibraryDamaged);
    connect(mBackups, &BackupActions::libraryHealthy, this, &MainWindow::onLibraryHealthy);
    connect(mBackups, &BackupActions::libraryRestored, this, &MainWindow::refresh);
    connect(mBackups, &BackupActions::messageShown, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    // A restore replaces what the open story was based on: its latest text goes first. A damaged
    // library takes no text; the editor keeps it and saves it into the restored library.
    mBackups->setRestoreHook([this] { return mWritingStopped || mSession->flush(); });
    connect(this, &MainWindow::startupFinished, mBackups, &BackupActions::startWatching);
    // Queued: after the editor and the story actions have set themselves up for the story.
    connect(mEditor, &StoryEditor::storyChanged, this, &MainWindow::applyWritingStopped,
            Qt::QueuedConnection);
}

void MainWindow::onLibraryDamaged(const QString &problem)
{
    if (!mWritingStopped) {
        mWritingStopped = true;
        // The hard stop: whatever panel tries, the window's connection writes nothing more.
        if (const Status stopped = setWritesStopped(*mDb, true); !stopped) {
            statusBar()->showMessage(
                tr("Cannot stop writing: %1").arg(refusalText(stopped.refusal())));
        }
    }
    mDamageBanner->showDamage(problem);
    applyWritingStopped();
}

void MainWindow::applyWritingStopped()
{
    if (!mWritingStopped) {
        return;
    }
    // The open story stays on the screen, unsaved changes included, for reading and copying.
    if (BodyEditor *body = mEditor->bodyEditor()) {
        body->setReadOnly(true);
        body->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    }
    if (auto *form = mEditor->findChild<MetadataForm *>()) {
        form->setReadOnly(true);
    }
    mEditor->formatActions()->setEnabled(false);
    for (QAction *action :
         {mActions->newAction(), mActions->duplicateAction(), mActions->archiveAction(),
          mActions->trashAction(), mActions->restoreAction(), mActions->emptyTrashAction(),
          mImport->importAction()}) {
        action->setEnabled(false);
    }
    mReviewDock->setEnabled(false);
}

void MainWindow::onLibraryHealthy()
{
    if (!mWritingStopped) {
        return;
    }
    if (const Status resumed = setWritesStopped(*mDb, false); !resumed) {
        statusBar()->showMessage(
            tr("Cannot resume writing: %1").arg(refusalText(resumed.refusal())));
        return;
    }
    mWritingStopped = false;
    mDamageBanner->hide();
    mReviewDock->setEnabled(true);
    mImport->importAction()->setEnabled(!mDb->isReadOnly());
    if (mEditor->hasUnsavedChanges()) {
        // The text was editable when the damage stopped it; it saves into the restored library.
        mEditor->bodyEditor()->setReadOnly(false);
        mEditor->bodyEditor()->setTextInteractionFlags(Qt::TextEditorInteraction);
        if (auto *form = mEditor->findChild<MetadataForm *>()) {
            form->setReadOnly(false);
        }
        mEditor->formatActions()->setEnabled(true);
        mSession->flush(); // now, rather than at the autosaver's next retry
    } else {
        mEditor->reload(); // the workflow and the restored content decide again
    }
    mActions->updateEnabled(true);
    statusBar()->showMessage(tr("The library passed its check; changes are saved again."), 8000);
}

} // namespace fo
