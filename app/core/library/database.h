#pragma once

#include "base/refusal.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <memory>

class QSqlError;
struct sqlite3;

namespace fo {

struct LibraryAccess;

/// One open library file: a SQLite database reached through Qt SQL (QSQLITE).
///
/// Opening checks, before anything can be written, that the file is a Field Office library of a
/// version this program understands; anything else is refused with one readable sentence and the
/// file is left byte-for-byte as it was. A library that cannot be written opens read-only.
/// A Database belongs to the thread that opened it (a Qt SQL rule).
class Database
{
public:
    enum class OpenMode
    {
        MustExist,       // refuse a missing file
        CreateIfMissing, // create an empty library when the file does not exist
        CreateNew,       // refuse an existing file
    };

    static constexpr int kSchemaVersion = 5;
    /// The oldest version a read-only library may have: later versions only added indexes and
    /// the change log (which only writers append to, and ChangeLog reads as empty there), so
    /// such a library is read as it is (it cannot be upgraded).
    static constexpr int kOldestReadOnlyVersion = 2;
    /// Written to PRAGMA application_id: "FOLB".
    static constexpr int kApplicationId = 0x464F4C42;
    static constexpr const char *kFileSuffix = "fieldoffice";

    /// Opens or creates the library at `path`, or says why not.
    static Result<std::unique_ptr<Database>> open(const QString &path, OpenMode mode);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    QString path() const { return mPath; }
    bool isReadOnly() const { return mReadOnly; }
    /// Why the library opened read-only: "its folder is read-only", "the file is read-only".
    QString readOnlyReason() const { return mReadOnlyReason; }
    /// True when this open created the file.
    bool wasCreated() const { return mCreated; }
    int schemaVersion() const { return mSchemaVersion; }
    /// How many migrations this open applied (0 when the library was current).
    int migrationsApplied() const { return mMigrationsApplied; }
    /// How long a write waits for another program's write to finish before it fails with
    /// "database is locked" (5 s from open). The window uses a short wait: a save that fails
    /// is kept and tried again, while a long wait would freeze typing.
    bool setBusyTimeout(int milliseconds);

    /// Where the library lives when none is named: AppDataLocation/library.fieldoffice.
    static QString defaultPath();

private:
    Database() = default;
    Status checkExisting(LibraryAccess *access);
    Status connect(const LibraryAccess &access);
    Status migrate();

    QString mConnectionName;
    QString mPath;
    bool mReadOnly = false;
    QString mReadOnlyReason;
    qint64 mChangesAtOpen = 0;
    bool mCreated = false;
    int mSchemaVersion = 0;
    int mMigrationsApplied = 0;
};

/// A write transaction that rolls back unless committed (RAII). It starts with BEGIN IMMEDIATE:
/// when another program is writing, it waits for the busy timeout instead of failing when it
/// first writes (GUIDE › Storage).
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return mActive; }
    /// Done when the transaction began; otherwise why not (LibraryBusy, LibraryReadOnly, …).
    Status begun() const { return mActive ? Status() : Status(mWhy); }
    /// Commits; on failure says why, and the transaction rolls back.
    Status finish();

private:
    QSqlDatabase mDb;
    bool mActive = false;
    Refusal mWhy;
};

/// The sqlite3 handle behind a QSQLITE connection (null for another driver).
sqlite3 *sqliteHandle(const QSqlDatabase &db);
/// Why a write failed, as a refusal (LibraryBusy, LibraryReadOnly, DiskFull, …).
Refusal writeRefusalOf(const QSqlDatabase &db, const QSqlError &error);
/// BEGIN IMMEDIATE, refused at once on a read-only connection (LibraryReadOnly): the one
/// "start a write or say why" of every writer. Transaction and NestedTransaction start here.
Status beginWrite(const QSqlDatabase &db);

/// SQLite stores a null QString as NULL; text columns want ''.
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

/// Times are stored as UTC milliseconds since the epoch; NULL is "no time".
inline QVariant sqlTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType(QMetaType::LongLong));
}

inline QDateTime timeFromSql(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

/// The text of a failed query, for error messages: "database is locked".
QString sqlError(const class QSqlQuery &query);
/// A failed query as a refusal of `kind` (QueryFailed or one that names what failed): `number`
/// holds SQLite's primary result code as sqlError() reads it, `detail` SQLite's text.
Refusal queryRefusal(const class QSqlQuery &query, RefusalKind kind = RefusalKind::QueryFailed,
                     const QString &subject = QString());

} // namespace fo
