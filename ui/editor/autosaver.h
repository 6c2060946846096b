#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace fo {

/// Decides when a story's changes are written, so that nobody has to press Save.
///
/// A change is written kDelayMs after the last one (a pause in typing), and never later than
/// kMaxDelayMs after the first unsaved one, however long the typing goes on: a crash or a
/// kill -9 loses at most the last second of typing. A failed write keeps the changes pending
/// and is tried again, less and less often, until it works; nothing is ever thrown away here.
/// While writes fail, the journal (setJournal: the recovery journal, recoveryjournal.h) is
/// written right after each failure and at most kMaxDelayMs after each later change, so that
/// the changes outlive the program even when the library cannot take them. The write itself
/// is the caller's (a function given at construction), done on this thread: it takes a few
/// milliseconds (see storyeditor.h), far less than the pause it waits for.
class Autosaver : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 500;
    static constexpr int kMaxDelayMs = 1000;
    static constexpr int kFirstRetryMs = 2000;
    static constexpr int kLastRetryMs = 60000;

    enum class State
    {
        Idle,
        Pending,
        Saved,
        Failed
    };
    Q_ENUM(State)

    /// `save` writes the changes; on failure it returns false and sets the error.
    explicit Autosaver(std::function<bool(QString *error)> save, QObject *parent = nullptr);

    State state() const { return mState; }
    bool isPending() const { return mState == State::Pending || mState == State::Failed; }
    QDateTime lastSaved() const { return mLastSaved; }
    QString lastError() const { return mLastError; }

    /// Called when writes fail and changes are at risk: keeps them elsewhere (a journal).
    void setJournal(std::function<void()> journal) { mJournal = std::move(journal); }

    /// Something changed: write it soon.
    void changed();
    /// Writes now if anything is pending. False when that failed (the changes stay pending).
    bool flush(QString *error = nullptr);
    /// Forgets any pending change (another story was opened).
    void reset();

signals:
    void stateChanged(fo::Autosaver::State state);

private:
    void setState(State state);
    void saveNow();
    void writeJournal();

    std::function<bool(QString *)> mSave;
    std::function<void()> mJournal;
    QTimer mTimer;
    QTimer mJournalTimer;
    QElapsedTimer mPendingSince;
    State mState = State::Idle;
    QDateTime mLastSaved;
    QString mLastError;
    int mRetryMs = kFirstRetryMs;
};

} // namespace fo
