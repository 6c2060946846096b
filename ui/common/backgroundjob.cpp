#include "common/backgroundjob.h"

#include <QThread>

namespace fo {

BackgroundJob::BackgroundJob(QObject *parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob()
{
    if (mThread) {
        cancel();
        mThread->wait();
        delete mThread;
    }
}

bool BackgroundJob::start(Work work)
{
    if (mThread) {
        return false;
    }
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    auto outcome = std::make_shared<Outcome>();
    mCancelled = cancelled;
    // Queued to this object: a tick still on its way when the job is gone is dropped by Qt.
    Progress progress = [this, cancelled](int done, int total) {
        QMetaObject::invokeMethod(
            this, [this, done, total] { Q_EMIT progressed(done, total); }, Qt::QueuedConnection);
        return !cancelled->load();
    };
    mThread = QThread::create([work = std::move(work), progress, outcome] {
        outcome->ok = work(progress, &outcome->error);
    });
    mThread->setObjectName(QStringLiteral("background job"));
    // finished is emitted by the worker once the work returned; the queued slot then reads the
    // outcome on this object's thread.
    connect(
        mThread, &QThread::finished, this,
        [this, cancelled, outcome] {
            mThread->wait();
            delete mThread;
            mThread = nullptr;
            const bool wasCancelled = cancelled->load() && !outcome->ok;
            Q_EMIT finished(outcome->ok, outcome->error, wasCancelled);
        },
        Qt::QueuedConnection);
    mThread->start();
    return true;
}

void BackgroundJob::cancel()
{
    if (mCancelled) {
        mCancelled->store(true);
    }
}

} // namespace fo
