#pragma once

#include "backup/backup.h"
#include "backup/backupstore.h"

#include <QObject>
#include <QTimer>

namespace fo {

class BackgroundJob;

/// Makes the window's automatic backups: hourly while the window is open and at close, each
/// only when the library changed since the newest backup (BackupStore::backUpIfChanged()).
///
/// Every backup runs on a worker thread with connections of its own (never the window's), so
/// typing never waits for it; the library is only read. One backup at a time: Back Up Now while
/// an hourly one runs is refused. The destructor waits for a running backup, so the backup made
/// at close finishes after the window has gone from the screen, before the program ends (how
/// long: fieldoffice-bench run --only backup).
class BackupScheduler : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 60 * 60 * 1000;

    explicit BackupScheduler(const QString &libraryPath, QObject *parent = nullptr);
    ~BackupScheduler() override;

    QString libraryPath() const { return mLibrary; }
    /// The folder in use; setFolder("") goes back to the default beside the library.
    QString folder() const { return store().folder(); }
    void setFolder(const QString &folder);
    BackupStore store() const { return BackupStore(mLibrary, mFolder); }

    /// Starts the hourly backups.
    void start();
    /// No more automatic backups (a damaged library, a read-only one).
    void stop();
    bool isActive() const { return mTimer.isActive(); }
    bool isRunning() const;

    /// Starts a backup on the worker: always (`onlyIfChanged` false) or when something
    /// changed. False when one is running already.
    bool backUp(bool onlyIfChanged);

signals:
    void backupStarted();
    /// `written`: a new backup file exists (false when nothing changed, or on failure).
    void backupFinished(const fo::BackupResult &result, bool written);

private:
    QString mLibrary;
    QString mFolder;
    QTimer mTimer;
    BackgroundJob *mJob = nullptr;
};

} // namespace fo
