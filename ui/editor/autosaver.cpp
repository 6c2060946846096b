#include "editor/autosaver.h"

namespace fo {

Autosaver::Autosaver(std::function<bool(QString *error)> save, QObject *parent)
    : QObject(parent), mSave(std::move(save))
{
    mTimer.setSingleShot(true);
    connect(&mTimer, &QTimer::timeout, this, &Autosaver::saveNow);
    mJournalTimer.setSingleShot(true);
    connect(&mJournalTimer, &QTimer::timeout, this, &Autosaver::writeJournal);
}

void Autosaver::changed()
{
    if (!isPending() || !mPendingSince.isValid()) {
        mPendingSince.start();
    }
    if (mState == State::Failed) {
        // Typing does not hurry the next try (each may wait for the library's busy timeout),
        // but what was typed reaches the journal within a second.
        if (!mJournalTimer.isActive()) {
            mJournalTimer.start(kMaxDelayMs);
        }
        return;
    }
    setState(State::Pending);
    // A long run of typing still reaches the library every second.
    const qint64 left = kMaxDelayMs - mPendingSince.elapsed();
    mTimer.start(int(qBound(qint64(0), left, qint64(kDelayMs))));
}

bool Autosaver::flush(QString *error)
{
    if (isPending()) {
        saveNow();
    }
    if (mState == State::Failed) {
        if (error) {
            *error = mLastError;
        }
        return false;
    }
    return true;
}

void Autosaver::reset()
{
    mTimer.stop();
    mJournalTimer.stop();
    mPendingSince.invalidate();
    mLastError.clear();
    mRetryMs = kFirstRetryMs;
    mLastSaved = QDateTime();
    setState(State::Idle);
}

void Autosaver::saveNow()
{
    mTimer.stop();
    QString error;
    if (mSave(&error)) {
        mJournalTimer.stop();
        mPendingSince.invalidate();
        mLastError.clear();
        mRetryMs = kFirstRetryMs;
        mLastSaved = QDateTime::currentDateTime();
        setState(State::Saved);
        return;
    }
    mLastError = error;
    // Trying again at once would fail the same way (a read-only disk, a locked file) and each
    // try may wait for the library's busy timeout; back off instead.
    mTimer.start(mRetryMs);
    mRetryMs = qMin(mRetryMs * 2, kLastRetryMs);
    const bool wasFailed = mState == State::Failed;
    writeJournal();
    setState(State::Failed);
    if (wasFailed) {
        emit stateChanged(mState); // a new error is news even when the state stays Failed
    }
}

void Autosaver::writeJournal()
{
    mJournalTimer.stop();
    if (mJournal && isPending()) {
        mJournal();
    }
}

void Autosaver::setState(State state)
{
    if (mState == state) {
        return;
    }
    mState = state;
    emit stateChanged(state);
}

} // namespace fo
