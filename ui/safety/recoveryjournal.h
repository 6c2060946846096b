#pragma once

#include "domain/story.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fo {

/// Changes to a story that the library could not take (a save failed: the library busy for
/// long, a full disk, a read-only file) when the program had to stop or might be killed.
struct JournalEntry
{
    QString libraryPath;
    qint64 personId = 0; // who typed them; 0: nobody
    Story base;          // the story as the editor last read or wrote it
    Story pending;       // the story with the unsaved changes
    QDateTime writtenAt; // UTC
};

/// The recovery journal of one library: one file per library in
/// AppDataLocation/recovery/, written atomically (QSaveFile), never beside the library (its
/// -wal and -shm belong to SQLite alone). The editor writes it while saves fail and removes it
/// once a save succeeds; a start that finds it writes the changes into the library through
/// the merge path (StartupRecovery).
class RecoveryJournal
{
public:
    explicit RecoveryJournal(const QString &libraryPath);

    /// AppDataLocation/recovery.
    static QString folder();
    /// The file that holds this library's entry.
    QString filePath() const;

    bool write(const JournalEntry &entry, QString *error = nullptr) const;
    /// The entry for this library; nullopt when there is none (or it cannot be read: `error`).
    std::optional<JournalEntry> read(QString *error = nullptr) const;
    bool exists() const;
    bool remove() const;

private:
    QString mLibraryPath;
};

} // namespace fo
