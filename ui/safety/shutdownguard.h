#pragma once

#include <QObject>

class QSocketNotifier;

namespace fo {

/// Turns SIGTERM (a logout, a shutdown), SIGHUP (the terminal went) and SIGINT (Ctrl+C) into a
/// Qt signal delivered in the event loop, so that the window saves the open story before it
/// quits instead of dying with it unsaved. The handler only writes a byte to a socket pair (the
/// one thing a signal handler may safely do); a QSocketNotifier reads it on the GUI thread.
/// One per process; the default handlers come back when it goes.
class ShutdownGuard : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownGuard(QObject *parent = nullptr);
    ~ShutdownGuard() override;

signals:
    /// `signal` (SIGTERM, SIGHUP, SIGINT) arrived: save and quit.
    void shutdownRequested(int signal);

private:
    void readSignal();

    QSocketNotifier *mNotifier = nullptr;
};

} // namespace fo
