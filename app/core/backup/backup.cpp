#include "backup/backup.h"

#include "base/clock.h"
#include "library/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <sqlite3.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fo {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/// One raw SQLite connection, closed when it goes.
struct Connection
{
    sqlite3 *db = nullptr;
    Connection() = default;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection() { sqlite3_close(db); }
};

/// SQLite's message, in words a field office understands for the codes that matter here.
QString describe(sqlite3 *db, int rc)
{
    const QString text = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return QStringLiteral("the disk is full (%1)").arg(text);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QStringLiteral("the file is damaged (%1)").arg(text);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("the library is busy: another program is writing to it (%1)")
            .arg(text);
    default:
        return text;
    }
}

bool openConnection(const QString &path, int flags, Connection *c, QString *error)
{
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &c->db, flags, nullptr);
    if (rc != SQLITE_OK) {
        *error = QStringLiteral("cannot open %1: %2").arg(native(path), describe(c->db, rc));
        return false;
    }
    sqlite3_busy_timeout(c->db, 5000);
    sqlite3_extended_result_codes(c->db, 1);
    return true;
}

bool exec(sqlite3 *db, const QByteArray &sql, QString *error)
{
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        *error = describe(db, rc);
        return false;
    }
    return true;
}

/// The first column of each row of `sql`, as text.
bool rows(sqlite3 *db, const QByteArray &sql, QStringList *out, QString *error)
{
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            *out << QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        }
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) {
        *error = describe(db, rc);
        return false;
    }
    return true;
}

bool integer(sqlite3 *db, const QByteArray &sql, qint64 *value, QString *error)
{
    QStringList out;
    if (!rows(db, sql, &out, error)) {
        return false;
    }
    *value = out.value(0).toLongLong();
    return true;
}

/// What changes whenever a user changes anything a backup keeps: row counts and the newest row
/// of every table, the newest story change. Read in one transaction.
QString fingerprintOf(sqlite3 *db, QString *error)
{
    QStringList tables;
    if (!rows(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", &tables,
              error)) {
        return QString();
    }
    const QSet<QString> present(tables.cbegin(), tables.cend());
    static const struct
    {
        const char *table;
        const char *sql;
    } parts[] = {
        {"stories", "SELECT count(*) || '.' || ifnull(max(id), 0) || '.' || "
                    "ifnull(max(updated_at), 0) || '.' || count(deleted_at) FROM stories"},
        {"offices", "SELECT count(*) || '.' || ifnull(max(id), 0) FROM offices"},
        {"tags", "SELECT count(*) || '.' || ifnull(max(id), 0) FROM tags"},
        {"story_tags", "SELECT count(*) FROM story_tags"},
        {"settings", "SELECT count(*) || '.' || ifnull(sum(length(value)), 0) FROM settings"},
        {"people", "SELECT count(*) || '.' || ifnull(max(id), 0) FROM people"},
        {"person_roles", "SELECT count(*) FROM person_roles"},
        {"revisions", "SELECT ifnull(max(id), 0) FROM revisions"},
        {"approvals", "SELECT ifnull(max(id), 0) FROM approvals"},
        {"comments", "SELECT count(*) || '.' || ifnull(max(id), 0) FROM comments"},
        {"audit_log", "SELECT ifnull(max(id), 0) FROM audit_log"},
        // issue 12 item 3: a word added to the library's dictionary is worth a backup too.
        {"dictionary_words", "SELECT count(*) || '.' || ifnull(max(added_at), 0) "
                             "FROM dictionary_words"},
    };
    QStringList values;
    for (const auto &part : parts) {
        if (!present.contains(QLatin1String(part.table))) {
            continue;
        }
        if (!rows(db, part.sql, &values, error)) {
            return QString();
        }
    }
    return values.join(QLatin1Char(':'));
}

/// Reads what a copy holds. `full`: PRAGMA integrity_check as well.
BackupCheck inspect(const QString &path, bool full)
{
    BackupCheck check;
    Connection c;
    if (!QFileInfo::exists(path)) {
        check.error = QStringLiteral("%1 does not exist").arg(native(path));
        return check;
    }
    if (!openConnection(path, SQLITE_OPEN_READONLY, &c, &check.error)) {
        return check;
    }
    const QString name = native(path);
    QString error;
    qint64 appId = 0;
    qint64 version = 0;
    if (!integer(c.db, "PRAGMA application_id", &appId, &error) ||
        !integer(c.db, "PRAGMA user_version", &version, &error)) {
        check.error = QStringLiteral("%1 is not a readable library: %2").arg(name, error);
        return check;
    }
    if (appId != Database::kApplicationId) {
        check.error = QStringLiteral("%1 is not a Field Office library").arg(name);
        return check;
    }
    if (version > Database::kSchemaVersion) {
        check.error = QStringLiteral("%1 was made by a newer Field Office (library version %2; "
                                     "this program reads up to %3)")
                          .arg(name)
                          .arg(version)
                          .arg(Database::kSchemaVersion);
        return check;
    }
    check.schemaVersion = int(version);
    if (full) {
        QStringList problems;
        if (!rows(c.db, "PRAGMA integrity_check(5)", &problems, &error)) {
            check.error = QStringLiteral("%1 is damaged: %2").arg(name, error);
            return check;
        }
        if (problems != QStringList{QStringLiteral("ok")}) {
            check.error =
                QStringLiteral("%1 is damaged: %2").arg(name, problems.join(QStringLiteral("; ")));
            return check;
        }
    }
    // One read transaction for the count and the fingerprint.
    qint64 stories = 0;
    if (!exec(c.db, "BEGIN", &error) ||
        !integer(c.db, "SELECT count(*) FROM stories", &stories, &error) ||
        (check.fingerprint = fingerprintOf(c.db, &error)).isEmpty()) {
        check.error = QStringLiteral("%1 cannot be read: %2").arg(name, error);
        return check;
    }
    exec(c.db, "COMMIT", &error);
    check.stories = int(stories);
    check.ok = true;
    return check;
}

/// Removes what backups and restores killed midway left beside `destination`: our own
/// temporary names only (`.NAME.partial-PID-RANDOM` and SQLite's journal of it), and only those
/// whose process is gone, so a backup another program is writing right now is left alone.
void removeStalePartials(const QFileInfo &destination)
{
    const QString prefix = QStringLiteral(".%1.partial-").arg(destination.fileName());
    const QDir dir = destination.absoluteDir();
    const QStringList names =
        dir.entryList({prefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        bool isNumber = false;
        const qint64 pid =
            name.mid(prefix.size()).section(QLatin1Char('-'), 0, 0).toLongLong(&isNumber);
        if (!isNumber || pid <= 0 || pid == qint64(::getpid())) {
            continue;
        }
        if (::kill(pid_t(pid), 0) == 0 || errno == EPERM) {
            continue; // still writing
        }
        QFile::remove(dir.filePath(name));
    }
}

/// A name beside `destination` that nothing else uses: hidden, never one of our backup names,
/// and carrying this process's id so that a later run can tell a leftover from a live write.
QString temporaryNameFor(const QString &destination)
{
    const QFileInfo info(destination);
    removeStalePartials(info);
    for (;;) {
        const QString name =
            QStringLiteral(".%1.partial-%2-%3")
                .arg(info.fileName())
                .arg(qint64(::getpid()))
                .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
        const QString path = info.absoluteDir().filePath(name);
        if (!QFileInfo::exists(path)) {
            return path;
        }
    }
}

/// fsync() of a file WE wrote (never the live library) or of a folder.
bool syncPath(const QString &path, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int e = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        *error = QStringLiteral("cannot flush %1 to disk: %2")
                     .arg(native(path), QString::fromLocal8Bit(std::strerror(e)));
        return false;
    }
    ::close(fd);
    return true;
}

/// Flushes the verified temporary copy and renames it over `destination` (atomic).
bool commitCopy(const QString &temp, const QString &destination, QString *error)
{
    if (!syncPath(temp, error)) {
        return false;
    }
    if (std::rename(QFile::encodeName(temp).constData(),
                    QFile::encodeName(destination).constData()) != 0) {
        *error = QStringLiteral("cannot rename %1 to %2: %3")
                     .arg(native(temp), native(destination),
                          QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    // The rename itself reaches the disk with the folder.
    return syncPath(QFileInfo(destination).absolutePath(), error);
}

/// Writes every page of `source` over `target` (opened with `targetFlags`) with SQLite's backup
/// API in one step: one read transaction of the source, one write transaction of the target, and
/// even a damaged page is copied as it is.
bool backupPages(const QString &source, const QString &target, int targetFlags, QString *error)
{
    Connection from;
    Connection to;
    if (!openConnection(source, SQLITE_OPEN_READONLY, &from, error) ||
        !openConnection(target, targetFlags, &to, error)) {
        return false;
    }
    sqlite3_backup *backup = sqlite3_backup_init(to.db, "main", from.db, "main");
    if (!backup) {
        *error = describe(to.db, sqlite3_errcode(to.db));
        return false;
    }
    const int step = sqlite3_backup_step(backup, -1);
    const int rc = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE || rc != SQLITE_OK) {
        *error = describe(to.db, step != SQLITE_DONE ? step : rc);
        return false;
    }
    return true;
}

/// Copies every page of `source` into the new file `target`, a copy that needs no -wal.
bool copyPages(const QString &source, const QString &target, QString *error)
{
    Connection to;
    return backupPages(source, target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) &&
           openConnection(target, SQLITE_OPEN_READWRITE, &to, error) &&
           exec(to.db, "PRAGMA journal_mode = DELETE", error);
}

/// True when both paths name one existing file (links included), or the same path.
bool sameFile(const QString &a, const QString &b)
{
    const QFileInfo x(a);
    const QFileInfo y(b);
    if (x.absoluteFilePath() == y.absoluteFilePath()) {
        return true;
    }
    return x.exists() && y.exists() && x.canonicalFilePath() == y.canonicalFilePath();
}

QString utcStamp()
{
    return Clock::now().toString(QStringLiteral("yyyy-MM-ddTHH-mm-ssZ"));
}

} // namespace

BackupCheck verifyLibraryCopy(const QString &path)
{
    return inspect(path, true);
}

BackupCheck readLibraryCopy(const QString &path)
{
    return inspect(path, false);
}

Result<QString> libraryFingerprint(const QString &path)
{
    // The backup module words SQLite's codes itself (describe()): its sentence is the detail.
    QString error;
    Connection c;
    if (!openConnection(path, SQLITE_OPEN_READONLY, &c, &error)) {
        return Refusal(RefusalKind::FingerprintFailed, QString(), error);
    }
    QString fingerprint;
    if (exec(c.db, "BEGIN", &error)) {
        fingerprint = fingerprintOf(c.db, &error);
        exec(c.db, "COMMIT", &error);
    }
    if (fingerprint.isEmpty()) {
        return Refusal(RefusalKind::FingerprintFailed, QString(), error);
    }
    return fingerprint;
}

BackupResult writeBackup(const QString &library, const QString &destination, bool overwrite)
{
    BackupResult result;
    result.path = QFileInfo(destination).absoluteFilePath();
    const QFileInfo target(result.path);
    if (sameFile(library, result.path)) {
        // Renaming a copy over a live library would cut off every connection to it.
        result.error = QStringLiteral("%1 is the library itself").arg(native(result.path));
        return result;
    }
    if (target.exists() && (!overwrite || target.isDir())) {
        result.error = QStringLiteral("%1 already exists").arg(native(result.path));
        return result;
    }
    if (!QFileInfo(target.absolutePath()).isDir()) {
        result.error =
            QStringLiteral("folder %1 does not exist").arg(native(target.absolutePath()));
        return result;
    }
    if (!QFileInfo::exists(library)) {
        result.error = QStringLiteral("no library at %1").arg(native(library));
        return result;
    }
    const QString temp = temporaryNameFor(result.path);
    {
        Connection c;
        if (!openConnection(library, SQLITE_OPEN_READONLY, &c, &result.error)) {
            return result;
        }
        sqlite3_stmt *statement = nullptr;
        int rc = sqlite3_prepare_v2(c.db, "VACUUM INTO ?", -1, &statement, nullptr);
        if (rc == SQLITE_OK) {
            const QByteArray name = QFile::encodeName(temp);
            sqlite3_bind_text(statement, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
            rc = sqlite3_step(statement);
        }
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE && rc != SQLITE_OK) {
            result.error =
                QStringLiteral("cannot back up %1: %2").arg(native(library), describe(c.db, rc));
            QFile::remove(temp); // our own partial copy, never the library
            return result;
        }
    }
    const BackupCheck check = verifyLibraryCopy(temp);
    if (!check.ok || !commitCopy(temp, result.path, &result.error)) {
        if (!check.ok) {
            result.error = QStringLiteral("the backup of %1 failed its check: %2")
                               .arg(native(library), check.error);
        }
        QFile::remove(temp);
        return result;
    }
    result.ok = true;
    result.stories = check.stories;
    result.fingerprint = check.fingerprint;
    result.size = QFileInfo(result.path).size();
    return result;
}

namespace {

/// Writes the pages of `from` into the existing library `library` through its own journal.
bool overwriteLibrary(const QString &from, const QString &library, QString *error)
{
    return backupPages(from, library, SQLITE_OPEN_READWRITE, error);
}

} // namespace

BackupResult restoreLibrary(const QString &from, const QString &library, bool replaceExisting)
{
    BackupResult result;
    result.path = QFileInfo(library).absoluteFilePath();
    if (sameFile(from, library)) {
        result.error = QStringLiteral("%1 is the library itself").arg(native(from));
        return result;
    }
    const BackupCheck check = verifyLibraryCopy(from);
    if (!check.ok) {
        result.error = QStringLiteral("cannot restore from %1").arg(check.error);
        return result;
    }
    const bool exists = QFileInfo::exists(result.path);
    if (exists && !replaceExisting) {
        result.error =
            QStringLiteral("%1 already exists; nothing was changed").arg(native(library));
        return result;
    }
    if (!exists) {
        // A new file: written whole under another name first, so a kill leaves nothing.
        const QString temp = temporaryNameFor(result.path);
        if (!copyPages(from, temp, &result.error) ||
            !commitCopy(temp, result.path, &result.error)) {
            QFile::remove(temp);
            return result;
        }
    } else {
        const QString aside = result.path + QStringLiteral(".replaced-") + utcStamp();
        const QString temp = temporaryNameFor(aside);
        QString error;
        if (!copyPages(result.path, temp, &error) || !commitCopy(temp, aside, &error)) {
            QFile::remove(temp);
            result.error = QStringLiteral("cannot keep a copy of %1 aside, so nothing was "
                                          "changed: %2")
                               .arg(native(library), error);
            return result;
        }
        result.replacedPath = aside;
        if (!overwriteLibrary(from, result.path, &error)) {
            result.error = QStringLiteral("cannot restore into %1 (it is unchanged): %2")
                               .arg(native(library), error);
            return result;
        }
    }
    const BackupCheck restored = readLibraryCopy(result.path);
    if (!restored.ok) {
        result.error = restored.error;
        return result;
    }
    result.ok = true;
    result.stories = restored.stories;
    result.fingerprint = restored.fingerprint;
    return result;
}

} // namespace fo
