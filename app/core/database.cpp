#include "database.h"

#include "schema.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <sqlite3.h>

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

/// Looks at the file's first bytes without SQLite, so that a text file, random bytes or an empty
/// file is refused before anything could write to it.
bool checkHeader(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(native(path), file.errorString());
        return false;
    }
    const QByteArray header = file.read(100);
    if (header.isEmpty()) {
        *error =
            QStringLiteral("%1 is an empty file, not a Field Office library").arg(native(path));
        return false;
    }
    static const QByteArray magic("SQLite format 3\0", 16);
    if (header.size() < 100 || !header.startsWith(magic)) {
        *error = QStringLiteral("%1 is not a Field Office library (not an SQLite database)")
                     .arg(native(path));
        return false;
    }
    return true;
}

struct Identity
{
    qint64 applicationId = 0;
    int userVersion = 0;
};

/// Reads application_id and user_version through a read-only connection: the authoritative
/// values even when recent commits still sit in the write-ahead log. Straight through SQLite's
/// C API: the connection lives for three statements, and Qt's would cost a millisecond more.
bool readIdentity(const QString &path, Identity *identity, QString *error)
{
    sqlite3 *db = nullptr;
    const int rc =
        sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        *error =
            QStringLiteral("cannot open %1: %2")
                .arg(native(path), QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, 5000);
    const auto integer = [db](const char *sql, qint64 *value) {
        sqlite3_stmt *statement = nullptr;
        bool ok = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
                  sqlite3_step(statement) == SQLITE_ROW;
        if (ok) {
            *value = sqlite3_column_int64(statement, 0);
        }
        sqlite3_finalize(statement);
        return ok;
    };
    qint64 version = 0;
    qint64 schemaRows = 0;
    // The first statement reads the whole schema, so a truncated or damaged file shows here.
    const bool ok = integer("PRAGMA application_id", &identity->applicationId) &&
                    integer("PRAGMA user_version", &version) &&
                    integer("SELECT count(*) FROM sqlite_schema", &schemaRows);
    if (ok) {
        identity->userVersion = int(version);
    } else {
        *error = QStringLiteral("%1 is damaged or not a Field Office library (%2)")
                     .arg(native(path), QString::fromUtf8(sqlite3_errmsg(db)));
    }
    sqlite3_close(db);
    return ok;
}

bool isWritable(const QString &path)
{
    const QFileInfo info(path);
    // WAL needs to create -wal and -shm files beside the library.
    return info.isWritable() && QFileInfo(info.absolutePath()).isWritable();
}

} // namespace

QString sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    // SQLite's primary result codes, in words a field office understands.
    const int code = e.nativeErrorCode().toInt() & 0xff;
    if (code == 5 || code == 6) { // SQLITE_BUSY, SQLITE_LOCKED
        return QStringLiteral("the library is busy: another program is writing to it (%1)")
            .arg(text);
    }
    if (code == 13) { // SQLITE_FULL
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

    if (exists) {
        if (!checkHeader(path, error)) {
            return nullptr;
        }
        Identity identity;
        if (!readIdentity(path, &identity, error)) {
            return nullptr;
        }
        if (identity.applicationId != kApplicationId) {
            *error = QStringLiteral("%1 is not a Field Office library (another SQLite database)")
                         .arg(native(path));
            return nullptr;
        }
        if (identity.userVersion > kSchemaVersion) {
            *error = QStringLiteral("%1 was made by a newer Field Office (library version %2; this "
                                    "program reads up to %3); it was left unchanged")
                         .arg(native(path))
                         .arg(identity.userVersion)
                         .arg(kSchemaVersion);
            return nullptr;
        }
        db->mSchemaVersion = identity.userVersion;
        db->mReadOnly = !isWritable(path);
        if (db->mReadOnly && identity.userVersion < kOldestReadOnlyVersion) {
            *error = QStringLiteral("%1 is read-only and was made by an older Field Office; "
                                    "make it writable once so that it can be upgraded")
                         .arg(native(path));
            return nullptr;
        }
    }

    db->mConnectionName = newConnectionName();
    QSqlDatabase conn = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->mConnectionName);
    conn.setDatabaseName(db->mPath);
    conn.setConnectOptions(db->mReadOnly
                               ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                               : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!conn.open()) {
        *error = QStringLiteral("cannot open %1: %2").arg(native(path), conn.lastError().text());
        if (db->mCreated) {
            QFile::remove(db->mPath);
        }
        return nullptr;
    }

    QSqlQuery q(conn);
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!db->mReadOnly) {
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    q.exec(QStringLiteral("PRAGMA cache_size = -32000")); // 32 MB page cache
    q.finish();

    if (!db->mReadOnly && !db->migrate(error)) {
        const bool created = db->mCreated;
        const QString file = db->mPath;
        db.reset();
        if (created) {
            QFile::remove(file);
            QFile::remove(file + QStringLiteral("-wal"));
            QFile::remove(file + QStringLiteral("-shm"));
        }
        return nullptr;
    }
    return db;
}

bool Database::migrate(QString *error)
{
    QSqlDatabase conn = connection();
    const QVector<QStringList> &migrations = schemaMigrations();
    for (int version = mSchemaVersion; version < migrations.size(); ++version) {
        Transaction tx(conn);
        if (!tx.isActive()) {
            *error =
                QStringLiteral("cannot upgrade %1: %2").arg(native(mPath), conn.lastError().text());
            return false;
        }
        QSqlQuery q(conn);
        for (const QString &statement : migrations.at(version)) {
            if (!q.exec(statement)) {
                *error = QStringLiteral("cannot upgrade %1 to version %2: %3")
                             .arg(native(mPath))
                             .arg(version + 1)
                             .arg(sqlError(q));
                return false;
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1))) {
            *error = QStringLiteral("cannot upgrade %1: %2").arg(native(mPath), sqlError(q));
            return false;
        }
        q.finish();
        if (!tx.commit(error)) {
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
            if (!mReadOnly) {
                // Keeps the planner's statistics fresh, sampling rather than reading whole
                // tables: an unbounded ANALYZE of a 100,000-story library takes seconds.
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

Transaction::Transaction(const QSqlDatabase &db) : mDb(db)
{
    mActive = mDb.transaction();
}

Transaction::~Transaction()
{
    if (mActive) {
        mDb.rollback();
    }
}

bool Transaction::commit(QString *error)
{
    if (!mActive) {
        return false;
    }
    if (!mDb.commit()) {
        if (error) {
            *error = QStringLiteral("cannot save: %1").arg(mDb.lastError().text());
        }
        mDb.rollback();
        mActive = false;
        return false;
    }
    mActive = false;
    return true;
}

} // namespace fo
