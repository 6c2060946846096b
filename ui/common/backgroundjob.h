#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace fo {

/// Runs one long piece of work (an export, an import) on a worker thread, with progress and
/// cancel.
///
/// The work gets a progress function to call as it goes; each call is passed on to the GUI
/// thread as progressed(), and returns false once cancel() was called, which makes the work
/// stop (an export then writes nothing). The work must not touch the window's Database: a Qt
/// SQL connection belongs to the thread that opened it, so the caller reads what the work
/// needs beforehand, or the work opens a connection of its own (ImportActions).
class BackgroundJob : public QObject
{
    Q_OBJECT

public:
    using Progress = std::function<bool(int done, int total)>;
    using Work = std::function<bool(const Progress &progress, QString *error)>;

    explicit BackgroundJob(QObject *parent = nullptr);
    /// Cancels running work and waits for it, so that nothing outlives the job.
    ~BackgroundJob() override;

    /// Starts `work` on a new thread; false when work is already running.
    bool start(Work work);
    bool isRunning() const { return mThread != nullptr; }

public Q_SLOTS:
    /// Asks the running work to stop; finished() follows with `cancelled` set.
    void cancel();

Q_SIGNALS:
    void progressed(int done, int total);
    /// On the GUI thread, once the work has returned. `cancelled` when cancel() stopped it.
    void finished(bool ok, const QString &error, bool cancelled);

private:
    struct Outcome
    {
        bool ok = false;
        QString error;
    };

    QThread *mThread = nullptr;
    std::shared_ptr<std::atomic_bool> mCancelled;
};

} // namespace fo
