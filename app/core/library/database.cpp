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

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/library.fieldoffice");
}

std::unique_ptr<Database> Database::open(const QString &path, OpenMode mode, QString *error)
{
    QString scratch;
    if (!error) {
        error = &scratch;
    }
    if (path.isEmpty()) {
        *error = QStringLiteral("no library file given");
        return nullptr;
    }
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (exists && info.isDir()) {
        *error = QStringLiteral("%1 is a folder, not a Field Office library").arg(native(path));
        return nullptr;
    }
    if (exists && mode == OpenMode::CreateNew) {
        *error = QStringLiteral("%1 already exists; choose a new file name").arg(native(path));
        return nullptr;
    }
    if (!exists) {
        const QFileInfo dir(info.absolutePath());
        if (!dir.exists() || !dir.isDir()) {
            *error = QStringLiteral("%1 %2: folder %3 does not exist")
                         .arg(mode == OpenMode::MustExist ? QStringLiteral("no library at")
                                                          : QStringLiteral("cannot create"),
                              native(path), native(info.absolutePath()));
            return nullptr;
        }
        if (mode == OpenMode::MustExist) {
            *error = QStringLiteral("no library at %1").arg(native(path));
            return nullptr;
        }
        if (!dir.isWritable()) {
            *error = QStringLiteral("cannot create %1: folder %2 is not writable")
                         .arg(native(path), native(info.absolutePath()));
            return nullptr;
        }
    }

    std::unique_ptr<Database> db(new Database);
    db->mPath = info.absoluteFilePath();
    db->mCreated = !exists;
    LibraryAccess access;
    access.name = db->mPath;
    if (exists && !db->checkExisting(&access, error)) {
        return nullptr;
    }
    if (!db->connect(access, error) || (!db->mReadOnly && !db->migrate(error))) {
        const bool created = db->mCreated;
        const QString file = db->mPath;
        db.reset();
        if (created) {
            // No connection to the file is open in this process any more (GUIDE › Storage).
            QFile::remove(file);
            QFile::remove(file + QStringLiteral("-wal"));
            QFile::remove(file + QStringLiteral("-shm"));
        }
        return nullptr;
    }
    return db;
}

bool Database::checkExisting(LibraryAccess *access, QString *error)
{
    *access = libraryAccess(mPath);
    if (!access->refusal.isEmpty()) {
        *error = access->refusal;
        return false;
    }
    LibraryIdentity identity;
    if (!readLibraryIdentity(mPath, *access, &identity, error)) {
        return false;
    }
    if (identity.pageCount == 0) {
        *error =
            QStringLiteral("%1 is an empty file, not a Field Office library").arg(native(mPath));
        return false;
    }
    if (identity.applicationId != kApplicationId) {
        *error = QStringLiteral("%1 is not a Field Office library (another SQLite database)")
                     .arg(native(mPath));
        return false;
    }
    if (identity.userVersion > kSchemaVersion) {
        *error = QStringLiteral("%1 was made by a newer Field Office (library version %2; this "
                                "program reads up to %3); it was left unchanged")
                     .arg(native(mPath))
                     .arg(identity.userVersion)
                     .arg(kSchemaVersion);
        return false;
    }
    mSchemaVersion = identity.userVersion;
    mReadOnly = !access->writable;
    mReadOnlyReason = access->readOnlyReason;
    if (mReadOnly && identity.userVersion < kOldestReadOnlyVersion) {
        *error = QStringLiteral("%1 is read-only and was made by an older Field Office; "
                                "make it writable once so that it can be upgraded")
                     .arg(native(mPath));
        return false;
    }
    return true;
}

bool Database::connect(const LibraryAccess &access, QString *error)
{
    mConnectionName = newConnectionName();
    QSqlDatabase conn = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), mConnectionName);
    conn.setDatabaseName(access.name);
    conn.setConnectOptions(
        mReadOnly
            ? QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
            : QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!conn.open()) {
        *error = QStringLiteral("cannot open %1: %2")
                     .arg(native(mPath), writeRefusalReason(conn, conn.lastError()));
        return false;
    }
    QSqlQuery q(conn);
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!mReadOnly) {
        // Already WAL for every library but a new one, where it is the first write.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
            *error = QStringLiteral("cannot %1 %2: %3")
                         .arg(mCreated ? QStringLiteral("create") : QStringLiteral("open"),
                              native(mPath), writeRefusalReason(conn, q.lastError()));
            return false;
        }
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    q.exec(QStringLiteral("PRAGMA cache_size = -32000")); // 32 MB page cache
    q.finish();
    if (sqlite3 *handle = sqliteHandle(conn)) {
        mChangesAtOpen = sqlite3_total_changes64(handle);
    }
    return true;
}

bool Database::migrate(QString *error)
{
    QSqlDatabase conn = connection();
    const QVector<QStringList> &migrations = schemaMigrations();
    // A new library is "created" in the user's words, an older one "upgraded".
    const QString verb = mCreated ? QStringLiteral("create") : QStringLiteral("upgrade");
    for (int version = mSchemaVersion; version < migrations.size(); ++version) {
        Transaction tx(conn);
        if (!tx.isActive()) {
            *error = QStringLiteral("cannot %1 %2: %3").arg(verb, native(mPath), tx.refusal());
            return false;
        }
        QSqlQuery q(conn);
        QStringList statements = migrations.at(version);
        statements << QStringLiteral("PRAGMA user_version = %1").arg(version + 1);
        for (const QString &statement : std::as_const(statements)) {
            if (!q.exec(statement)) {
                *error = QStringLiteral("cannot %1 %2: %3")
                             .arg(verb, native(mPath), writeRefusalReason(conn, q.lastError()));
                return false;
            }
        }
        q.finish();
        if (!tx.commit()) {
            *error = QStringLiteral("cannot %1 %2: %3").arg(verb, native(mPath), tx.refusal());
            return false;
        }
        mSchemaVersion = version + 1;
        ++mMigrationsApplied;
    }
    return true;
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

QString writeRefusalReason(const QSqlDatabase &db, const QSqlError &error)
{
    sqlite3 *handle = sqliteHandle(db);
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (handle && ok && code != 0) {
        return sqliteReason(handle, code);
    }
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

QString writeRefusal(const QSqlDatabase &db, const QSqlError &error)
{
    return QStringLiteral("cannot save: %1").arg(writeRefusalReason(db, error));
}

// The English words of the QString *error interface, until its last caller has moved to
// Status (the front ends word refusals themselves: app/messages/refusaltext.cpp).
QString legacyReasonWords(const Refusal &why)
{
    switch (why.kind) {
    case RefusalKind::LibraryBusy:
        return QStringLiteral("the library is busy: another program is writing to it");
    case RefusalKind::LibraryReadOnly:
        return QStringLiteral("the library is read-only");
    case RefusalKind::DiskFull:
        return QStringLiteral("the disk is full");
    case RefusalKind::FileSizeLimit:
        return QStringLiteral("the file size limit was reached");
    case RefusalKind::LibraryDamaged:
        return QStringLiteral("it is damaged (%1)").arg(why.detail);
    case RefusalKind::NotALibrary:
        return QStringLiteral("it is not an SQLite database");
    default:
        return why.detail;
    }
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

bool beginWrite(const QSqlDatabase &db, QString *refusal)
{
    const Status begun = beginWrite(db);
    if (!begun) {
        *refusal = legacyReasonWords(begun.refusal());
    }
    return begun.ok();
}

Transaction::Transaction(const QSqlDatabase &db) : mDb(db)
{
    const Status begun = beginWrite(mDb);
    mActive = begun.ok();
    if (!mActive) {
        mWhy = begun.refusal();
        mRefusal = legacyReasonWords(mWhy);
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
        mRefusal = legacyReasonWords(mWhy);
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

bool Transaction::started(QString *error) const
{
    if (!mActive && error) {
        *error = QStringLiteral("cannot save: ") + mRefusal;
    }
    return mActive;
}

bool Transaction::commit(QString *error)
{
    if (!mActive) {
        if (error) {
            *error = QStringLiteral("cannot save: ") + mRefusal;
        }
        return false;
    }
    QSqlQuery q(mDb);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        mWhy = writeRefusalOf(mDb, q.lastError());
        mRefusal = legacyReasonWords(mWhy);
        if (error) {
            *error = QStringLiteral("cannot save: ") + mRefusal;
        }
        q.exec(QStringLiteral("ROLLBACK"));
        mActive = false;
        return false;
    }
    mActive = false;
    return true;
}

} // namespace fo
