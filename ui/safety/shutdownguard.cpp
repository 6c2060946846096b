#include "safety/shutdownguard.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fo {

namespace {

int gSignalFds[2] = {-1, -1};
constexpr int kSignals[] = {SIGTERM, SIGHUP, SIGINT};

void onSignal(int signal)
{
    const unsigned char byte = static_cast<unsigned char>(signal);
    // Async-signal-safe; a full pipe only means a signal is already waiting to be read.
    [[maybe_unused]] const ssize_t written = ::write(gSignalFds[0], &byte, 1);
}

} // namespace

ShutdownGuard::ShutdownGuard(QObject *parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, gSignalFds) != 0) {
        qWarning("fieldoffice: cannot watch for SIGTERM; a logout may lose unsaved text");
        return;
    }
    ::fcntl(gSignalFds[0], F_SETFL, ::fcntl(gSignalFds[0], F_GETFL) | O_NONBLOCK);
    mNotifier = new QSocketNotifier(gSignalFds[1], QSocketNotifier::Read, this);
    connect(mNotifier, &QSocketNotifier::activated, this, &ShutdownGuard::readSignal);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int s : kSignals) {
        ::sigaction(s, &action, nullptr);
    }
}

ShutdownGuard::~ShutdownGuard()
{
    if (!mNotifier) {
        return;
    }
    for (int s : kSignals) {
        ::signal(s, SIG_DFL);
    }
    delete mNotifier;
    ::close(gSignalFds[0]);
    ::close(gSignalFds[1]);
    gSignalFds[0] = gSignalFds[1] = -1;
}

void ShutdownGuard::readSignal()
{
    unsigned char byte = 0;
    if (::read(gSignalFds[1], &byte, 1) == 1) {
        emit shutdownRequested(int(byte));
    }
}

} // namespace fo
