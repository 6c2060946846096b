#pragma once

#include "base/refusal.h"

#include <QString>

#include <optional>

struct sqlite3;

namespace fo {

/// How SQLite may open an existing library file, decided from the file system's permissions
/// alone (stat/access, never open(): see GUIDE › Storage).
///
/// A library that this process may write is opened as it is. One it may not write (a read-only
/// file or folder, read-only media) is opened read-only in a way that leaves nothing behind:
/// SQLite would otherwise create a -shm (and -wal) with the library's read-only permissions,
/// and such a -shm makes every later write fail once the library is writable again.
struct LibraryAccess
{
    /// The file and its folder may be written.
    bool writable = false;
    /// Why not, when not: "the folder is read-only", "the file is read-only".
    QString readOnlyReason;
    /// What to give SQLite (with SQLITE_OPEN_URI): the plain path or a file: URI.
    QString name;
    /// Set when SQLite cannot read the library consistently without writing (ReadOnlyWalPending).
    std::optional<Refusal> refused;
};

LibraryAccess libraryAccess(const QString &path);

/// Opens a connection of its own to an existing library for reading, as `access` says, with
/// extended result codes and a 5 s busy timeout. Where the library may be written and no -wal
/// exists it opens read-write (and writes nothing): closing then removes the -wal and -shm
/// that SQLite made, where a read-only connection would leave them behind. A -wal that exists
/// may hold another program's commits, which this connection must not fold into the file.
/// Returns SQLite's result code; `*db` must be closed with sqlite3_close() in any case.
int openForReading(const LibraryAccess &access, sqlite3 **db);

/// What a library file says it is, read through a connection of its own.
struct LibraryIdentity
{
    qint64 applicationId = 0;
    int userVersion = 0;
    qint64 pageCount = 0; // 0: an empty file
};

/// Reads application_id, user_version and the page count through SQLite (never a plain file
/// handle), and refuses what SQLite refuses, naming `path`: not an SQLite database
/// (NotSqliteFile), damaged (LibraryFileDamaged), the disk is full (CannotOpenLibrary). The
/// connection writes nothing to the library.
Status readLibraryIdentity(const QString &path, const LibraryAccess &access,
                           LibraryIdentity *identity);

/// Why SQLite's last call on `db` failed with `rc`, as a refusal (LibraryBusy, DiskFull,
/// LibraryDamaged with SQLite's text, …), for the front end to put into words.
Refusal sqliteRefusal(sqlite3 *db, int rc);

} // namespace fo
