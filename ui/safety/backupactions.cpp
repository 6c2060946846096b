#include "safety/backupactions.h"

#include "common/backgroundjob.h"
#include "common/uisettings.h"
#include "library/database.h"
#include "library/libraryhealth.h"
#include "messages/refusaltext.h"
#include "safety/backupscheduler.h"
#include "safety/backupsdialog.h"

#include <QAction>
#include <QWidget>

#include <memory>

namespace fo {

BackupActions::BackupActions(Database &db, QWidget *window)
    : QObject(window), mDb(db), mWindow(window)
{
    mScheduler = new BackupScheduler(db.path(), this);
    mScheduler->setFolder(UiSettings().backupFolder(db.path()));
    mBackupsAction = new QAction(tr("&Backups…"), this);
    mBackupsAction->setObjectName(QStringLiteral("backupsAction"));
    connect(mBackupsAction, &QAction::triggered, this, [this] { showBackups(false); });
    mHealthJob = new BackgroundJob(this);
    mHealthTimer.setSingleShot(true);
    mHealthTimer.setInterval(kHealthCheckDelayMs);
    connect(&mHealthTimer, &QTimer::timeout, this, &BackupActions::checkHealth);
    connect(mScheduler, &BackupScheduler::backupFinished, this,
            [this](const BackupResult &result, bool written) {
                if (!result.ok) {
                    // A backup reads every page: damage shows here too. Ask the check to say.
                    emit messageShown(tr("The automatic backup failed: %1").arg(result.error));
                    if (result.error.contains(QLatin1String("damaged"))) {
                        checkHealth();
                    }
                } else if (written) {
                    emit messageShown(tr("Backed up to %1.").arg(result.path));
                }
            });
}

BackupActions::~BackupActions() = default;

void BackupActions::startWatching()
{
    if (!mDb.isReadOnly()) {
        mScheduler->start(); // a read-only library does not change through this window
    }
    mHealthTimer.start();
}

void BackupActions::windowClosing()
{
    mHealthTimer.stop();
    mScheduler->stop();
    // A damaged library's copy would fail its check anyway; nothing changed through a
    // read-only one.
    if (!mDamaged && !mDb.isReadOnly()) {
        mScheduler->backUp(true);
    }
}

void BackupActions::checkHealth()
{
    mHealthTimer.stop();
    if (mHealthJob->isRunning()) {
        return;
    }
    auto report = std::make_shared<HealthReport>();
    const QString path = mDb.path();
    disconnect(mHealthJob, &BackgroundJob::finished, this, nullptr);
    connect(mHealthJob, &BackgroundJob::finished, this, [this, report] {
        onHealthChecked(report->ran, report->problems, storageReasonText(report->refusal));
    });
    mHealthJob->start([path, report](const BackgroundJob::Progress &, QString *) {
        *report = checkLibraryHealth(path, HealthCheck::Quick, 5);
        return true;
    });
}

void BackupActions::onHealthChecked(bool ran, const QStringList &problems, const QString &error)
{
    if (!ran) {
        emit messageShown(tr("The library's health check could not run: %1").arg(error));
        return;
    }
    if (problems.isEmpty()) {
        mDamaged = false;
        emit libraryHealthy();
        return;
    }
    mDamaged = true;
    mScheduler->stop(); // no new copies of a damaged file; the verified ones stay
    // SQLite heads its report with "*** in database main ***": the line after says what.
    QString problem;
    for (const QString &line : problems) {
        for (const QString &part : line.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (problem.isEmpty() && !part.startsWith(QLatin1String("***"))) {
                problem = part.trimmed();
            }
        }
    }
    if (problem.isEmpty()) {
        problem = problems.constFirst();
    }
    emit libraryDamaged(problem);
}

void BackupActions::showBackups(bool selectLatest)
{
    if (!mDialog) {
        mDialog = new BackupsDialog(*mScheduler, mWindow);
        mDialog->setAttribute(Qt::WA_DeleteOnClose);
        mDialog->setRestoreHook([this] { return !mRestoreHook || mRestoreHook(); });
        connect(mDialog, &BackupsDialog::folderChosen, this, [this](const QString &folder) {
            UiSettings().setBackupFolder(mDb.path(), folder);
        });
        connect(mDialog, &BackupsDialog::restoreFinished, this, [this](const BackupResult &result) {
            if (result.ok) {
                emit libraryRestored(result);
                checkHealth(); // clears the damage once the restored library passes
            }
        });
    }
    if (selectLatest) {
        mDialog->selectLatestWhenListed();
    }
    mDialog->show();
    mDialog->raise();
    mDialog->activateWindow();
}

} // namespace fo
