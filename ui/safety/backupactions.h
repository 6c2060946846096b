#pragma once

#include "backup/backup.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QAction;
class QWidget;

namespace fo {

class BackgroundJob;
class BackupScheduler;
class BackupsDialog;
class Database;

/// The window's backups and its watch over the library's health.
///
/// Owns File ▸ Backups… (BackupsDialog), the automatic backups (BackupScheduler: hourly and at
/// close, when something changed) and the health check: a while after start-up, PRAGMA
/// quick_check runs on a read-only connection of its own on a worker thread
/// (checkLibraryHealth()); damage is reported with libraryDamaged(), and the window then stops
/// writing. A failed automatic backup that finds damage reports it the same way.
class BackupActions : public QObject
{
    Q_OBJECT

public:
    /// How long after start-up the health check starts: the first minutes belong to the user.
    static constexpr int kHealthCheckDelayMs = 3000;

    BackupActions(Database &db, QWidget *window);
    ~BackupActions() override;

    QAction *backupsAction() const { return mBackupsAction; }
    BackupScheduler *scheduler() const { return mScheduler; }
    /// Called before a restore; false cancels it.
    void setRestoreHook(std::function<bool()> hook) { mRestoreHook = std::move(hook); }

    /// After start-up: the hourly backups begin, and the health check follows soon.
    void startWatching();
    /// The window is closing: one more backup when something changed (waited for when the
    /// window goes, see BackupScheduler).
    void windowClosing();

public slots:
    /// Runs the quick health check now, in the background.
    void checkHealth();
    /// File ▸ Backups…; with `selectLatest`, the newest readable backup is selected.
    void showBackups(bool selectLatest = false);

signals:
    /// The library failed its health check: `problem` says what SQLite found.
    void libraryDamaged(const QString &problem);
    /// A health check found no damage (after a restore, say).
    void libraryHealthy();
    /// A restore replaced the library's content: everything shown must be read again.
    void libraryRestored(const fo::BackupResult &result);
    void messageShown(const QString &message);

private:
    void onHealthChecked(bool ran, const QStringList &problems, const QString &error);

    Database &mDb;
    QWidget *mWindow;
    QAction *mBackupsAction = nullptr;
    BackupScheduler *mScheduler = nullptr;
    BackgroundJob *mHealthJob = nullptr;
    QTimer mHealthTimer;
    QPointer<BackupsDialog> mDialog;
    std::function<bool()> mRestoreHook;
    bool mDamaged = false;
};

} // namespace fo
