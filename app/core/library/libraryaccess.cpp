#include "library/libraryaccess.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

#include <cerrno>

namespace fo {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/// A file: URI for `path` with query `parameters`; the path is percent-encoded, so a '?', '#'
/// or '%' in a folder name stays part of the name.
QString uri(const QString &path, const char *parameters)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QLatin1Char('?') +
           QLatin1String(parameters);
}

} // namespace

LibraryAccess libraryAccess(const QString &path)
{
    LibraryAccess access;
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    const bool folderWritable = QFileInfo(info.absolutePath()).isWritable();
    access.writable = info.isWritable() && folderWritable;
    access.name = absolute;
    const QFileInfo shm(absolute + QStringLiteral("-shm"));
    if (access.writable && shm.exists() && !shm.isWritable()) {
        // Left by an earlier program that opened a read-only library: SQLite can read through
        // it, but no write can pass it.
        access.writable = false;
        access.readOnlyReason =
            QStringLiteral("%1 is read-only; delete it while no program has the library open")
                .arg(native(shm.absoluteFilePath()));
    } else if (access.writable) {
        return access;
    } else {
        access.readOnlyReason = folderWritable ? QStringLiteral("the file is read-only")
                                               : QStringLiteral("its folder is read-only");
    }
    // Only the names are looked at (stat), never opened: see GUIDE › Storage.
    const QFileInfo wal(absolute + QStringLiteral("-wal"));
    const bool shmExists = shm.exists();
    if (wal.exists() && shmExists) {
        // Another program has it open, or left both behind: SQLite reads both as they are,
        // with proper locks, and creates nothing.
        access.name = uri(absolute, "mode=ro");
    } else if (!wal.exists() || wal.size() == 0) {
        // Nothing is waiting in a write-ahead log and no WAL-mode writer is running (it would
        // hold a -shm), so the file alone is the library: read it without locks and without
        // creating a -shm or -wal beside it.
        access.name = uri(absolute, "mode=ro&immutable=1");
    } else {
        Refusal refused(RefusalKind::ReadOnlyWalPending, native(absolute));
        refused.object = native(wal.absoluteFilePath());
        refused.number = folderWritable ? 0 : 1;
        access.refused = refused;
    }
    return access;
}

Refusal sqliteRefusal(sqlite3 *db, int rc)
{
    const int code = rc & 0xff;
    const int systemErrno = db ? sqlite3_system_errno(db) : 0;
    const QString text = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (code == SQLITE_FULL || (code == SQLITE_IOERR && systemErrno == ENOSPC) ||
        systemErrno == EDQUOT) {
        return Refusal(RefusalKind::DiskFull);
    }
    if (systemErrno == EFBIG) {
        return Refusal(RefusalKind::FileSizeLimit);
    }
    switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Refusal(RefusalKind::LibraryBusy);
    case SQLITE_READONLY:
        return Refusal(RefusalKind::LibraryReadOnly);
    case SQLITE_CORRUPT:
        return Refusal(RefusalKind::LibraryDamaged, QString(), text);
    case SQLITE_NOTADB:
        return Refusal(RefusalKind::NotALibrary);
    default:
        return Refusal(RefusalKind::StorageFailed, QString(), text);
    }
}

int openForReading(const LibraryAccess &access, sqlite3 **db)
{
    const bool readWrite =
        access.writable && !QFileInfo::exists(access.name + QStringLiteral("-wal"));
    const int flags = (readWrite ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_URI;
    const int rc = sqlite3_open_v2(access.name.toUtf8().constData(), db, flags, nullptr);
    if (*db) {
        sqlite3_extended_result_codes(*db, 1);
        sqlite3_busy_timeout(*db, 5000);
    }
    return rc;
}

namespace {

/// Runs a one-value statement; false when SQLite refused it (the reason is on `db`).
int integer(sqlite3 *db, const char *sql, qint64 *value)
{
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW) {
            *value = sqlite3_column_int64(statement, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(statement);
    return rc;
}

Refusal identityRefusal(const QString &path, sqlite3 *db, int rc)
{
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return Refusal(RefusalKind::NotSqliteFile, native(path));
    case SQLITE_CORRUPT:
        return Refusal(RefusalKind::LibraryFileDamaged, native(path),
                       QString::fromUtf8(sqlite3_errmsg(db)));
    default: {
        const Refusal why = sqliteRefusal(db, rc);
        Refusal r(RefusalKind::CannotOpenLibrary, native(path), why.detail);
        r.number = qint64(why.kind);
        return r;
    }
    }
}

} // namespace

Status readLibraryIdentity(const QString &path, const LibraryAccess &access,
                           LibraryIdentity *identity)
{
    sqlite3 *db = nullptr;
    int rc = openForReading(access, &db);
    if (rc == SQLITE_OK) {
        qint64 version = 0;
        qint64 schemaRows = 0;
        // The page count first: an empty file has none, and SQLite reads nothing else of it.
        // The last statement reads the whole schema, so a truncated or damaged one shows.
        rc = integer(db, "PRAGMA page_count", &identity->pageCount);
        if (rc == SQLITE_OK && identity->pageCount > 0) {
            rc = integer(db, "PRAGMA application_id", &identity->applicationId);
            if (rc == SQLITE_OK) {
                rc = integer(db, "PRAGMA user_version", &version);
            }
            if (rc == SQLITE_OK) {
                rc = integer(db, "SELECT count(*) FROM sqlite_schema", &schemaRows);
            }
        }
        identity->userVersion = int(version);
    }
    Status status;
    if (rc != SQLITE_OK) {
        status = identityRefusal(path, db, rc);
    }
    sqlite3_close(db);
    return status;
}

} // namespace fo
