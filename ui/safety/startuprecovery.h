#pragma once

#include "domain/person.h"

#include <QString>

namespace fo {

class Database;
class UiSettings;

/// What a window does at start about how the last session on its library ended.
///
/// A window marks itself as running in the settings (with the story it has open) and clears
/// the mark when it closes cleanly. A start that still finds the mark knows the last session
/// ended abnormally (a crash, a kill, a power cut) and does not open that story again: a story
/// that crashes the window on opening must not crash every later start too.
///
/// It also replays the recovery journal (recoveryjournal.h): changes the editor could not save
/// before the program stopped go into the library through the merge path, as a revision of
/// their own, so the version before stays in the history.
class StartupRecovery
{
public:
    /// Reads the mark left by the last session and marks this one as running.
    StartupRecovery(Database &db, UiSettings &settings);

    /// The story to open at start: `remembered`, or 0 when the last session ended abnormally
    /// with it open (message() then says so).
    qint64 storyToReopen(qint64 remembered);
    /// Writes what the journal holds for this library into it, recorded for the person who
    /// typed it (else `fallback`). The journal goes only once that worked. Returns the story
    /// it changed (0: none).
    qint64 replayJournal(const Person &fallback);
    /// What to tell the user about the above; empty when there is nothing to say.
    QString message() const { return mMessages.join(QLatin1Char(' ')); }

    void storyOpened(qint64 id);
    void closedCleanly();

private:
    QString headlineOf(qint64 id) const;

    Database &mDb;
    UiSettings &mSettings;
    qint64 mCrashedStory = 0;
    QStringList mMessages;
};

} // namespace fo
