#pragma once

#include "base/refusal.h"

#include <QString>

namespace fo {

/// What a copy of a library holds, read through SQLite from the copy itself.
struct BackupCheck
{
    bool ok = false;
    int stories = 0;       // stories in the copy, the Trash included
    int schemaVersion = 0; // PRAGMA user_version
    /// A summary of the content (see libraryFingerprint()); equal fingerprints mean that
    /// nothing a backup would keep has changed.
    QString fingerprint;
    QString error; // why the copy is not usable, when !ok
};

/// What writeBackup() and restoreLibrary() did.
struct BackupResult
{
    bool ok = false;
    QString path;         // the file written (the backup, or the restored library)
    int stories = 0;      // stories in what was written
    qint64 size = 0;      // bytes of the backup file
    QString fingerprint;  // of the content written
    QString replacedPath; // restore: where the replaced library was kept; empty when none
    QString error;        // one sentence, when !ok
};

/// Opens `path` read-only through SQLite and checks that it is a whole Field Office library
/// this program can read: PRAGMA integrity_check (every page, every index), the application id,
/// a schema version not newer than this program's. Counts its stories.
BackupCheck verifyLibraryCopy(const QString &path);

/// Like verifyLibraryCopy() without the integrity check: for listing many backups quickly.
BackupCheck readLibraryCopy(const QString &path);

/// The fingerprint of the library at `path` as it is now (one read transaction), read through
/// a read-only SQLite connection of its own, or FingerprintFailed when it cannot be read.
Result<QString> libraryFingerprint(const QString &path);

/// Writes a consistent copy of the library at `library` to `destination` with VACUUM INTO.
///
/// VACUUM INTO reads the whole library in ONE read transaction of a read-only connection of its
/// own, so other programs keep writing meanwhile (WAL) and the copy is the state of one moment,
/// compacted, in rollback-journal mode (a single self-contained file). The copy goes to a
/// temporary name beside `destination`, is flushed to disk, verified (verifyLibraryCopy()) and
/// only then renamed into place; on any failure (a full disk, a damaged library) the temporary
/// file is removed and an error returned, so `destination` is either the verified copy or
/// untouched. An existing `destination` is refused unless `overwrite`.
BackupResult writeBackup(const QString &library, const QString &destination, bool overwrite);

/// Replaces the library at `library` with the content of the backup `from`.
///
/// `from` is verified first (verifyLibraryCopy()). When `library` does not exist, the copy is
/// written under a temporary name and renamed into place. When it exists, it is replaced only
/// with `replaceExisting`: its current pages are first copied aside to
/// `<library>.replaced-<UTC time>` (SQLite's backup API: a faithful copy even of a damaged
/// file), then the backup's content is written INTO the library through SQLite's online backup
/// API, in one write transaction of the library's own journal. Programs that have the library
/// open see the restored content on their next read; a kill midway leaves the old content.
BackupResult restoreLibrary(const QString &from, const QString &library, bool replaceExisting);

} // namespace fo
