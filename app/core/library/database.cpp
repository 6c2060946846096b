#include "library/database.h"

#include "library/libraryaccess.h"
#include "library/schema.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <sqlite3.h>

#include <cerrno>

namespace fo {

namespace {

QAtomicInt gConnectionCounter;

QString newConnectionName()
{
    return QStringLiteral("fieldoffice-%1").arg(gConnectionCounter.fetchAndAddRelaxed(1));
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/// The sqlite3* behind a QSQLITE connection, for what Qt SQL does not tell.
sqlite3 *driverHandle(const QSqlDriver *driver)
{
    const QVariant handle = driver ? driver->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

QString sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    // SQLite's primary result codes, in words a field office understands.
    const int code = e.nativeErrorCode().toInt() & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        return QStringLiteral("the library is busy: another program is writing to it (%1)")
            .arg(text);
    }
    if (code == SQLITE_CORRUPT) {
        return QStringLiteral("the library is damaged (%1)").arg(text);
    }
    sqlite3 *handle = driverHandle(query.driver());
    const int systemErrno = handle ? sqlite3_system_errno(handle) : 0;
    if (code == SQLITE_FULL || (code == SQLITE_IOERR && systemErrno == ENOSPC)) {
        return QStringLiteral("the disk is full (%1)").arg(text);
    }
    return text;
}

Refusal queryRefusal(const QSqlQuery &query, RefusalKind kind, const QString &subject)
{
    const QSqlError e = query.lastError();
    Refusal r(kind, subject, e.databaseText().isEmpty() ? e.text() : e.databaseText());
    int code = e.nativeErrorCode().toInt() & 0xff;
    sqlite3 *handle = driverHandle(query.driver());
    const int systemErrno = handle ? sqlite3_system_errno(handle) : 0;
    if (code == SQLITE_LOCKED) {
        code = SQLITE_BUSY;
    } else if (code == SQLITE_IOERR && systemErrno == ENOSPC) {
        code = SQLITE_FULL;
    }
    r.number = code;
    return r;
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/library.fieldoffice");
}

namespace {

/// "cannot open/create/upgrade <path>: <why>": the storage refusal `why` inside `kind`.
Refusal cannot(RefusalKind kind, const QString &path, const Refusal &why)
{
    Refusal r(kind, native(path), why.detail);
    r.number = qint64(why.kind);
    return r;
}

Refusal withFolder(RefusalKind kind, const QString &path, const QString &folder)
{
    Refusal r(kind, native(path));
    r.object = native(folder);
    return r;
}

} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenMode mode)
{
    if (path.isEmpty()) {
        return Refusal(RefusalKind::NoLibraryGiven);
    }
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (exists && info.isDir()) {
        return Refusal(RefusalKind::LibraryIsFolder, native(path));
    }
    if (exists && mode == OpenMode::CreateNew) {
        return Refusal(RefusalKind::LibraryExists, native(path));
    }
    if (!exists) {
        const QFileInfo dir(info.absolutePath());
        if (!dir.exists() || !dir.isDir()) {
            return withFolder(mode == OpenMode::MustExist ? RefusalKind::NoLibraryFolderMissing
                                                          : RefusalKind::CreateFolderMissing,
                              path, info.absolutePath());
        }
        if (mode == OpenMode::MustExist) {
            return Refusal(RefusalKind::NoLibrary, native(path));
        }
        if (!dir.isWritable()) {
            return withFolder(RefusalKind::CreateFolderNotWritable, path, info.absolutePath());
        }
    }

    std::unique_ptr<Database> db(new Database);
    db->mPath = info.absoluteFilePath();
    db->mCreated = !exists;
    LibraryAccess access;
    access.name = db->mPath;
    if (exists) {
        const Status checked = db->checkExisting(&access);
        if (!checked) {
            return checked.refusal();
        }
    }
    Status ready = db->connect(access);
    if (ready && !db->mReadOnly) {
        ready = db->migrate();
    }
    if (!ready) {
        const bool created = db->mCreated;
        const QString file = db->mPath;
        db.reset();
        if (created) {
            // No connection to the file is open in this process any more (GUIDE › Storage).
            QFile::remove(file);
            QFile::remove(file + QStringLiteral("-wal"));
            QFile::remove(file + QStringLiteral("-shm"));
        }
        return ready.refusal();
    }
    return Result<std::unique_ptr<Database>>(std::move(db));
}

Status Database::checkExisting(LibraryAccess *access)
{
    *access = libraryAccess(mPath);
    if (access->refused) {
        return *access->refused;
    }
    LibraryIdentity identity;
    const Status read = readLibraryIdentity(mPath, *access, &identity);
    if (!read) {
        return read;
    }
    if (identity.pageCount == 0) {
        return Refusal(RefusalKind::LibraryEmptyFile, native(mPath));
    }
    if (identity.applicationId != kApplicationId) {
        return Refusal(RefusalKind::OtherSqliteDatabase, native(mPath));
    }
    if (identity.userVersion > kSchemaVersion) {
        Refusal r(RefusalKind::LibraryTooNew, native(mPath));
        r.number = identity.userVersion;
        return r;
    }
    mSchemaVersion = identity.userVersion;
    mReadOnly = !access->writable;
    mReadOnlyReason = access->readOnlyReason;
    if (mReadOnly && identity.userVersion < kOldestReadOnlyVersion) {
        return Refusal(RefusalKind::ReadOnlyTooOld, native(mPath));
    }
    return Status();
}

Status Database::connect(const LibraryAccess &access)
{
    mConnectionName = newConnectionName();
    QSqlDatabase conn = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), mConnectionName);
    conn.setDatabaseName(access.name);
    conn.setConnectOptions(
        mReadOnly
            ? QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
            : QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!conn.open()) {
        return cannot(RefusalKind::CannotOpenLibrary, mPath,
                      writeRefusalOf(conn, conn.lastError()));
    }
    QSqlQuery q(conn);
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!mReadOnly) {
        // Already WAL for every library but a new one, where it is the first write.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
            return cannot(mCreated ? RefusalKind::CannotCreateLibrary
                                   : RefusalKind::CannotOpenLibrary,
                          mPath, writeRefusalOf(conn, q.lastError()));
        }
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    q.exec(QStringLiteral("PRAGMA cache_size = -32000")); // 32 MB page cache
    q.finish();
    if (sqlite3 *handle = sqliteHandle(conn)) {
        mChangesAtOpen = sqlite3_total_changes64(handle);
    }
    return Status();
}

Status Database::migrate()
{
    QSqlDatabase conn = connection();
    const QVector<QStringList> &migrations = schemaMigrations();
    // A new library is "created" in the user's words, an older one "upgraded".
    const RefusalKind verb =
        mCreated ? RefusalKind::CannotCreateLibrary : RefusalKind::CannotUpgradeLibrary;
    for (int version = mSchemaVersion; version < migrations.size(); ++version) {
        Transaction tx(conn);
        if (const Status begun = tx.begun(); !begun) {
            return cannot(verb, mPath, begun.refusal());
        }
        QSqlQuery q(conn);
        QStringList statements = migrations.at(version);
        statements << QStringLiteral("PRAGMA user_version = %1").arg(version + 1);
        for (const QString &statement : std::as_const(statements)) {
            if (!q.exec(statement)) {
                return cannot(verb, mPath, writeRefusalOf(conn, q.lastError()));
            }
        }
        q.finish();
        if (const Status done = tx.finish(); !done) {
            return cannot(verb, mPath, done.refusal());
        }
        mSchemaVersion = version + 1;
        ++mMigrationsApplied;
    }
    return Status();
}

Database::~Database()
{
    if (mConnectionName.isEmpty()) {
        return;
    }
    {
        QSqlDatabase conn = QSqlDatabase::database(mConnectionName, false);
        if (conn.isOpen()) {
            sqlite3 *handle = sqliteHandle(conn);
            // Only a connection that changed something refreshes the planner's statistics:
            // PRAGMA optimize may rewrite a page, and a command that only read the library
            // must leave it byte for byte as it was (backup tools compare times and sizes).
            if (!mReadOnly && handle && sqlite3_total_changes64(handle) != mChangesAtOpen) {
                // Sampling rather than reading whole tables: an unbounded ANALYZE of a
                // 100,000-story library takes seconds.
                QSqlQuery q(conn);
                q.exec(QStringLiteral("PRAGMA analysis_limit = 400"));
                q.exec(QStringLiteral("PRAGMA optimize"));
            }
            conn.close();
        }
    }
    QSqlDatabase::removeDatabase(mConnectionName);
}

bool Database::setBusyTimeout(int milliseconds)
{
    QSqlQuery q(connection());
    return q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(qMax(0, milliseconds)));
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(mConnectionName, false);
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    return driverHandle(db.driver());
}

Refusal writeRefusalOf(const QSqlDatabase &db, const QSqlError &error)
{
    sqlite3 *handle = sqliteHandle(db);
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (handle && ok && code != 0) {
        return sqliteRefusal(handle, code);
    }
    return Refusal(RefusalKind::StorageFailed, QString(),
                   error.databaseText().isEmpty() ? error.text() : error.databaseText());
}

Status beginWrite(const QSqlDatabase &db)
{
    // On a read-only connection SQLite turns BEGIN IMMEDIATE into a read transaction, and the
    // refusal would only come with the first write.
    sqlite3 *handle = sqliteHandle(db);
    if (handle && sqlite3_db_readonly(handle, "main") == 1) {
        return Refusal(RefusalKind::LibraryReadOnly);
    }
    // IMMEDIATE takes the write lock now, waiting up to the busy timeout for another writer;
    // a deferred transaction that read first would fail at once when it tried to write.
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        return Status();
    }
    return writeRefusalOf(db, q.lastError());
}

Transaction::Transaction(const QSqlDatabase &db) : mDb(db)
{
    const Status begun = beginWrite(mDb);
    mActive = begun.ok();
    if (!mActive) {
        mWhy = begun.refusal();
    }
}

Status Transaction::finish()
{
    if (!mActive) {
        return mWhy;
    }
    QSqlQuery q(mDb);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        mWhy = writeRefusalOf(mDb, q.lastError());
        q.exec(QStringLiteral("ROLLBACK"));
        mActive = false;
        return mWhy;
    }
    mActive = false;
    return Status();
}

Transaction::~Transaction()
{
    if (mActive) {
        QSqlQuery q(mDb);
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

} // namespace fo
