#include "safety/backupscheduler.h"

#include "common/backgroundjob.h"

#include <memory>

namespace fo {

BackupScheduler::BackupScheduler(const QString &libraryPath, QObject *parent)
    : QObject(parent), mLibrary(libraryPath)
{
    mTimer.setInterval(kIntervalMs);
    connect(&mTimer, &QTimer::timeout, this, [this] { backUp(true); });
}

BackupScheduler::~BackupScheduler()
{
    // The job's destructor waits for the backup (the one made at close, typically): a copy cut
    // off midway would leave only a temporary file, never a backup.
    delete mJob;
}

void BackupScheduler::setFolder(const QString &folder)
{
    mFolder = folder;
}

void BackupScheduler::start()
{
    mTimer.start();
}

void BackupScheduler::stop()
{
    mTimer.stop();
}

bool BackupScheduler::isRunning() const
{
    return mJob && mJob->isRunning();
}

bool BackupScheduler::backUp(bool onlyIfChanged)
{
    if (isRunning()) {
        return false;
    }
    if (!mJob) {
        mJob = new BackgroundJob(this);
    }
    // Filled by the worker, read here once finished() says it is done.
    auto outcome = std::make_shared<std::pair<BackupResult, bool>>();
    const BackupStore store = this->store();
    disconnect(mJob, &BackgroundJob::finished, this, nullptr);
    connect(mJob, &BackgroundJob::finished, this,
            [this, outcome] { emit backupFinished(outcome->first, outcome->second); });
    mJob->start([store, onlyIfChanged, outcome](const BackgroundJob::Progress &, QString *error) {
        bool written = false;
        outcome->first = onlyIfChanged ? store.backUpIfChanged(&written) : store.backUpNow();
        outcome->second = onlyIfChanged ? written : outcome->first.ok;
        *error = outcome->first.error;
        return outcome->first.ok;
    });
    emit backupStarted();
    return true;
}

} // namespace fo
