// The library file in bad places, run through the real program: every refusal is one exact,
// true sentence and leaves the file byte for byte as it was; a read-only place opens read-only
// and leaves nothing behind; a full disk says so; a damaged page is found by check-library; a
// read command does not rewrite the library; and nothing in the program drops the locks of
// another connection of the same process.

#include "library/database.h"
#include "libraryopentesting.h"
#include "processrun.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace fo;

namespace {

using Run = ToolRun;

constexpr int kNobody = 65534; // who runs the program where the test runs as root

bool isRoot()
{
    return ::geteuid() == 0;
}

/// Gives `path` to the user that runs the program when the test runs as root.
bool handToOtherUser(const QString &path)
{
    return ::chown(QFile::encodeName(path).constData(), kNobody, kNobody) == 0;
}

/// Read in the test process only while no connection of its own is open on the file.
QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray hashOf(const QString &path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), qint64(bytes.size()));
}

/// Runs SQL through SQLite's C API; with `keepWal` the connection closes without folding its
/// write-ahead log into the file (as a crash leaves it).
void rawSql(const QString &path, const QList<QByteArray> &statements, bool keepWal = false)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    if (keepWal) {
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    }
    for (const QByteArray &sql : statements) {
        char *message = nullptr;
        const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message);
        QVERIFY2(rc == SQLITE_OK, message ? message : sql.constData());
    }
    QCOMPARE(sqlite3_close(db), SQLITE_OK);
}

/// One value, read through a read-write connection: unlike a read-only one, it removes the -wal
/// and -shm it made when it closes.
qint64 rawInteger(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    qint64 value = -1;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) ==
            SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        value = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}

/// Writes garbage over the start of page `page` of a closed library.
void damagePage(const QString &path, qint64 page, qint64 offsetInPage = 0)
{
    const qint64 pageSize = rawInteger(path, "PRAGMA page_size");
    QVERIFY(pageSize > 0 && page > 0);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek((page - 1) * pageSize + offsetInPage));
    QCOMPARE(f.write(QByteArray(64, char(0xA5))), qint64(64));
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

/// stderr without Qt's own start-up warnings, which are not the program's words.
QString programErrors(const QString &err)
{
    QStringList lines = err.split(QLatin1Char('\n'));
    lines.removeIf([](const QString &l) { return l.startsWith(QLatin1String("QStandardPaths:")); });
    return lines.join(QLatin1Char('\n'));
}

/// A tmpfs of `kib` KiB mounted on `dir` (root only); unmounted by the returned guard.
bool mountTmpfs(const QString &dir, int kib)
{
    return QProcess::execute(QStringLiteral("mount"),
                             {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                              QStringLiteral("size=%1k").arg(kib), QStringLiteral("tmpfs"), dir}) ==
           0;
}

void unmount(const QString &dir)
{
    QProcess::execute(QStringLiteral("umount"), {dir});
}

} // namespace

class TestStorageFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void refusals_data();
    void refusals();
    void readOnlyFileLeavesNothingBehind();
    void readOnlyFolderOpensReadOnly();
    void readOnlyFolderWithUnfoldedChanges();
    void fullDiskSaysSo();
    void checkLibraryFindsADamagedPage();
    void readCommandsDoNotRewriteTheLibrary();
    void secondOpenKeepsTheFirstConnectionsLocks();

private:
    Run fo(const QStringList &args, bool asOtherUser = false) const;
    QString makeLibrary(const QString &name);

    std::unique_ptr<QTemporaryDir> mDir;
};

void TestStorageFaults::init()
{
    QVERIFY2(QFile::exists(QStringLiteral(FO_BINARY)), FO_BINARY);
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

Run TestStorageFaults::fo(const QStringList &args, bool asOtherUser) const
{
    QProcessEnvironment env = commandLineEnvironment(mDir->path());
    if (asOtherUser && isRoot()) {
        // Root may write any file and folder: only another user meets a read-only one. The
        // runtime folder belongs to root, and that user has none.
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        QStringList all = {QStringLiteral("--reuid=%1").arg(kNobody),
                           QStringLiteral("--regid=%1").arg(kNobody),
                           QStringLiteral("--clear-groups"), QStringLiteral(FO_BINARY)};
        return runTool(QStringLiteral("setpriv"), all + args, env);
    }
    return runTool(QStringLiteral(FO_BINARY), args, env);
}

QString TestStorageFaults::makeLibrary(const QString &name)
{
    const QString path = mDir->filePath(name);
    const Run r = fo({QStringLiteral("demo"), QStringLiteral("--library"), path});
    return r.code == 0 ? path : QString();
}

void TestStorageFaults::refusals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected"); // %1: the path given

    QTest::newRow("missing file") << "missing"
                                  << "no library at %1";
    QTest::newRow("missing folder")
        << "nodir"
        << "no library at %1: folder %2 does not exist"; // %2: the folder
    QTest::newRow("a folder") << "folder"
                              << "%1 is a folder, not a Field Office library";
    QTest::newRow("empty file") << "empty"
                                << "%1 is an empty file, not a Field Office library";
    QTest::newRow("text file") << "text"
                               << "%1 is not a Field Office library (not an SQLite database)";
    QTest::newRow("random bytes") << "random"
                                  << "%1 is not a Field Office library (not an SQLite database)";
    QTest::newRow("another SQLite database")
        << "foreign"
        << "%1 is not a Field Office library (another SQLite database)";
    QTest::newRow("newer version")
        << "newer"
        << QStringLiteral("%1 was made by a newer Field Office (library version ") +
               QString::number(Database::kSchemaVersion + 1) +
               QStringLiteral("; this program reads up to ") +
               QString::number(Database::kSchemaVersion) +
               QStringLiteral("); it was left unchanged");
    QTest::newRow("damaged schema page") << "damaged"
                                         << "%1 is damaged (database disk image is malformed)";
}

void TestStorageFaults::refusals()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QString path = mDir->filePath(QStringLiteral("target.fieldoffice"));
    if (kind == QLatin1String("nodir")) {
        path = mDir->filePath(QStringLiteral("no/lib.fieldoffice"));
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir(mDir->path()).mkdir(QStringLiteral("target.fieldoffice")));
    } else if (kind == QLatin1String("empty")) {
        writeFile(path, QByteArray());
    } else if (kind == QLatin1String("text")) {
        writeFile(path, QByteArrayLiteral("Headline\n\nGULU, UGANDA – This is a story.\n"));
    } else if (kind == QLatin1String("random")) {
        QByteArray bytes(8192, Qt::Uninitialized);
        QRandomGenerator gen(7);
        for (char &c : bytes) {
            c = char(gen.bounded(256));
        }
        writeFile(path, bytes);
    } else if (kind == QLatin1String("foreign")) {
        rawSql(path, {"PRAGMA journal_mode = WAL", "CREATE TABLE notes (id INTEGER PRIMARY KEY)"});
    } else if (kind == QLatin1String("newer")) {
        QCOMPARE(makeLibrary(QStringLiteral("target.fieldoffice")), path);
        rawSql(path, {"PRAGMA user_version = " + QByteArray::number(Database::kSchemaVersion + 1)});
    } else if (kind == QLatin1String("damaged")) {
        QCOMPARE(makeLibrary(QStringLiteral("target.fieldoffice")), path);
        damagePage(path, 1, 100); // the schema's own page, past the file header
    }
    const QStringList before = entries(mDir->path());
    const QByteArray hash = QFileInfo(path).isFile() ? hashOf(path) : QByteArray();

    for (const QString &command : {QStringLiteral("list"), QStringLiteral("show")}) {
        QStringList args = {command, QStringLiteral("--library"), path};
        if (command == QLatin1String("show")) {
            args << QStringLiteral("1");
        }
        const Run r = fo(args);
        QCOMPARE(r.code, 1);
        QString sentence = expected.arg(QDir::toNativeSeparators(path));
        if (sentence.contains(QLatin1String("%2"))) {
            sentence = sentence.arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        }
        QCOMPARE(programErrors(r.err),
                 QStringLiteral("fieldoffice: ") + sentence + QLatin1Char('\n'));
    }
    QCOMPARE(entries(mDir->path()), before); // no -wal, -shm or journal left beside it
    if (QFileInfo(path).isFile()) {
        QCOMPARE(hashOf(path), hash);
    }
}

void TestStorageFaults::readOnlyFileLeavesNothingBehind()
{
    const QString path = makeLibrary(QStringLiteral("lib.fieldoffice"));
    QVERIFY(!path.isEmpty());
    if (isRoot()) {
        QVERIFY(handToOtherUser(mDir->path()));
        QVERIFY(handToOtherUser(path));
    }
    const QString listed =
        fo({QStringLiteral("list"), QStringLiteral("--library"), path}, true).out;
    QVERIFY(!listed.isEmpty());
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0444), 0);
    const QByteArray hash = hashOf(path);
    const QStringList before = entries(mDir->path());
    const QString shown = QDir::toNativeSeparators(path);

    Run r = fo({QStringLiteral("list"), QStringLiteral("--library"), path}, true);
    QCOMPARE(r.code, 0);
    QCOMPARE(entries(mDir->path()), before); // no read-only -shm to break later writes
    QCOMPARE(programErrors(r.err),
             QStringLiteral("fieldoffice: note: %1 is read-only (the file is read-only); opened "
                            "read-only\n")
                 .arg(shown));
    QCOMPARE(r.out, listed); // the same stories as when it was writable
    r = fo({QStringLiteral("edit"), QStringLiteral("--library"), path, QStringLiteral("--as"),
            QStringLiteral("Grace Achieng"), QStringLiteral("--headline"), QStringLiteral("New"),
            QStringLiteral("1")},
           true);
    QCOMPARE(r.code, 1);
    QCOMPARE(programErrors(r.err),
             QStringLiteral("fieldoffice: %1 is read-only (the file is read-only); nothing was "
                            "changed\n")
                 .arg(shown));
    QCOMPARE(hashOf(path), hash);
    QCOMPARE(entries(mDir->path()), before); // no read-only -shm to break later writes

    // Made writable again, it takes an edit at once.
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
    r = fo({QStringLiteral("edit"), QStringLiteral("--library"), path, QStringLiteral("--as"),
            QStringLiteral("Grace Achieng"), QStringLiteral("--headline"),
            QStringLiteral("Edited After Read-Only"), QStringLiteral("1")},
           true);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = fo({QStringLiteral("show"), QStringLiteral("--library"), path, QStringLiteral("1")}, true);
    QVERIFY2(r.out.contains(QStringLiteral("Edited After Read-Only")), qPrintable(r.out));
}

void TestStorageFaults::readOnlyFolderOpensReadOnly()
{
    const QString folder = mDir->filePath(QStringLiteral("media"));
    QVERIFY(QDir(mDir->path()).mkdir(QStringLiteral("media")));
    const QString made = makeLibrary(QStringLiteral("lib.fieldoffice"));
    QVERIFY(!made.isEmpty());
    const QString path = folder + QStringLiteral("/lib.fieldoffice");
    const QByteArray bytes = fileBytes(made);
    // Read-only media, which even root cannot write; without mounting, a read-only folder and
    // a user other than root.
    const bool mounted = isRoot() && mountTmpfs(folder, 16384);
    if (isRoot()) {
        QVERIFY(handToOtherUser(mDir->path()));
    }
    const auto cleanup = qScopeGuard([&] {
        if (mounted) {
            unmount(folder);
        } else {
            ::chmod(QFile::encodeName(folder).constData(), 0755);
        }
    });
    writeFile(path, bytes);
    if (mounted) {
        QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                                   {QStringLiteral("-o"), QStringLiteral("remount,ro"), folder}),
                 0);
    } else {
        QCOMPARE(::chmod(QFile::encodeName(folder).constData(), 0555), 0);
    }
    const QString shown = QDir::toNativeSeparators(path);
    Run r =
        fo({QStringLiteral("show"), QStringLiteral("--library"), path, QStringLiteral("1")}, true);
    QCOMPARE(r.code, 0);
    QCOMPARE(programErrors(r.err),
             QStringLiteral("fieldoffice: note: %1 is read-only (its folder is read-only); opened "
                            "read-only\n")
                 .arg(shown));
    QVERIFY(!r.out.isEmpty());
    r = fo({QStringLiteral("check-library"), QStringLiteral("--library"), path}, true);
    QCOMPARE(r.out, QStringLiteral("ok\n"));
    QCOMPARE(r.code, 0);
    QCOMPARE(entries(folder), QStringList{QStringLiteral("lib.fieldoffice")});
    QCOMPARE(fileBytes(path), bytes);
}

void TestStorageFaults::readOnlyFolderWithUnfoldedChanges()
{
    // Changes still in the write-ahead log cannot be read without a -shm, which a read-only
    // folder cannot hold: the program says so rather than show an older library.
    const QString folder = mDir->filePath(QStringLiteral("media"));
    QVERIFY(QDir(mDir->path()).mkdir(QStringLiteral("media")));
    const QString path = makeLibrary(QStringLiteral("media/lib.fieldoffice"));
    QVERIFY(!path.isEmpty());
    rawSql(path, {"PRAGMA journal_mode = WAL", "UPDATE stories SET headline = 'In the log only'"},
           true);
    QVERIFY(QFile::remove(path + QStringLiteral("-shm")));
    QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
    if (isRoot()) {
        QVERIFY(handToOtherUser(mDir->path()));
        QVERIFY(handToOtherUser(folder));
    }
    QCOMPARE(::chmod(QFile::encodeName(folder).constData(), 0555), 0);
    const auto cleanup = qScopeGuard([&] { ::chmod(QFile::encodeName(folder).constData(), 0755); });
    const QByteArray hash = hashOf(path);
    const QString shown = QDir::toNativeSeparators(path);
    const Run r = fo({QStringLiteral("list"), QStringLiteral("--library"), path}, true);
    QCOMPARE(r.code, 1);
    QCOMPARE(programErrors(r.err),
             QStringLiteral("fieldoffice: %1 cannot be opened read-only: its latest changes are "
                            "still in %1-wal and its folder is read-only; open it once where it "
                            "can be written\n")
                 .arg(shown));
    QCOMPARE(hashOf(path), hash);
    QCOMPARE(entries(folder), (QStringList{QStringLiteral("lib.fieldoffice"),
                                           QStringLiteral("lib.fieldoffice-wal")}));
}

void TestStorageFaults::fullDiskSaysSo()
{
    const QString made = makeLibrary(QStringLiteral("lib.fieldoffice"));
    QVERIFY(!made.isEmpty());
    const QByteArray bytes = fileBytes(made);
    const QString folder = mDir->filePath(QStringLiteral("disk"));
    QVERIFY(QDir(mDir->path()).mkdir(QStringLiteral("disk")));
    QStringList wrapper; // runs the program with the disk full
    QString reason;
    // A small disk of its own, filled up after the library is on it (root only; FO_TEST_NO_MOUNT
    // takes the other way, to try it as root).
    const bool mounted = isRoot() && qEnvironmentVariableIsEmpty("FO_TEST_NO_MOUNT") &&
                         mountTmpfs(folder, int(bytes.size() / 1024) + 64);
    if (mounted) {
        reason = QStringLiteral("the disk is full");
    } else {
        // Without mounting, a file size limit stops writes the same way (EFBIG),
        // with SIGXFSZ ignored so that the write fails rather than the process.
        wrapper = {QStringLiteral("-c"),
                   QStringLiteral("trap '' XFSZ; exec prlimit --fsize=16384 \"$0\" \"$@\""),
                   QStringLiteral(FO_BINARY)};
        reason = QStringLiteral("the file size limit was reached");
    }
    const auto cleanup = qScopeGuard([&] {
        if (mounted) {
            unmount(folder);
        }
    });
    const QString path = folder + QStringLiteral("/lib.fieldoffice");
    writeFile(path, bytes);
    if (mounted) {
        QFile filler(folder + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        for (int i = 0; i < 100000 && filler.write(block) == block.size() && filler.flush(); ++i) {
        }
    }
    const auto run = [&](const QStringList &args) {
        if (wrapper.isEmpty()) {
            return fo(args);
        }
        return runTool(QStringLiteral("sh"), wrapper + args, commandLineEnvironment(mDir->path()));
    };
    Run r = run({QStringLiteral("list"), QStringLiteral("--library"), path});
    QCOMPARE(r.code, 1);
    QCOMPARE(programErrors(r.err), QStringLiteral("fieldoffice: cannot open %1: %2\n")
                                       .arg(QDir::toNativeSeparators(path), reason));
    QCOMPARE(fileBytes(path), bytes);

    const QString fresh = folder + QStringLiteral("/new.fieldoffice");
    r = run({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("Grace Achieng"),
             QStringLiteral("--roles"), QStringLiteral("editor"), QStringLiteral("--library"),
             fresh});
    QCOMPARE(r.code, 1);
    QCOMPARE(programErrors(r.err), QStringLiteral("fieldoffice: cannot create %1: %2\n")
                                       .arg(QDir::toNativeSeparators(fresh), reason));
    QVERIFY(!QFileInfo::exists(fresh)); // nothing half-made is left
}

void TestStorageFaults::checkLibraryFindsADamagedPage()
{
    const QString path = makeLibrary(QStringLiteral("lib.fieldoffice"));
    QVERIFY(!path.isEmpty());
    Run r = fo({QStringLiteral("check-library"), QStringLiteral("--library"), path});
    QCOMPARE(r.out, QStringLiteral("ok\n"));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.code, 0);

    // One damaged page in the middle of the file: the root of the story list's index.
    const qint64 root =
        rawInteger(path, "SELECT rootpage FROM sqlite_schema WHERE name = 'stories_list'");
    QVERIFY(root > 1);
    damagePage(path, root);
    const QByteArray hash = hashOf(path);
    r = fo({QStringLiteral("check-library"), QStringLiteral("--library"), path});
    QCOMPARE(r.code, 1);
    const QStringList problems = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(!problems.isEmpty(), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("page %1").arg(root), Qt::CaseInsensitive) ||
                 r.out.contains(QStringLiteral("stories_list")),
             qPrintable(r.out));
    QCOMPARE(r.err,
             QStringLiteral("fieldoffice: %1 is damaged: the integrity check found %2 "
                            "(listed above); keep a copy of the file and restore the "
                            "library from a backup\n")
                 .arg(QDir::toNativeSeparators(path),
                      problems.size() == 1 ? QStringLiteral("1 problem")
                                           : QStringLiteral("%1 problems").arg(problems.size())));
    QCOMPARE(hashOf(path), hash);
}

void TestStorageFaults::readCommandsDoNotRewriteTheLibrary()
{
    const QString path = makeLibrary(QStringLiteral("lib.fieldoffice"));
    QVERIFY(!path.isEmpty());
    // Statistics taken when the library was smaller, as after an import: PRAGMA optimize would
    // take them again at close, rewriting pages of a library that nobody changed.
    rawSql(path, {"UPDATE sqlite_stat1 SET stat = '1' || substr(stat, instr(stat, ' ')) "
                  "WHERE instr(stat, ' ') > 0"});
    QVERIFY(rawInteger(path, "SELECT count(*) FROM sqlite_stat1") > 0);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    const QByteArray hash = hashOf(path);
    const QDateTime modified = QFileInfo(path).fileTime(QFileDevice::FileModificationTime);
    QTest::qSleep(20); // a rewrite would show in the time, whatever its resolution
    for (const QStringList &args : {QStringList{QStringLiteral("list")},
                                    QStringList{QStringLiteral("show"), QStringLiteral("1")},
                                    QStringList{QStringLiteral("history"), QStringLiteral("1")}}) {
        const Run r = fo(args + QStringList{QStringLiteral("--library"), path});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(hashOf(path), hash);
        QCOMPARE(QFileInfo(path).fileTime(QFileDevice::FileModificationTime), modified);
        QVERIFY2(!QFileInfo::exists(path + QStringLiteral("-wal")), qPrintable(args.constFirst()));
    }
}

void TestStorageFaults::secondOpenKeepsTheFirstConnectionsLocks()
{
    // As the window does when it imports: a second connection of the same process opens and
    // closes the library while the first stays open with changes in the write-ahead log.
    const QString path = makeLibrary(QStringLiteral("lib.fieldoffice"));
    QVERIFY(!path.isEmpty());
    QString error;
    auto window = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(window, qPrintable(error));
    {
        QSqlQuery q(window->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
        QVERIFY(q.exec(QStringLiteral("UPDATE stories SET summary = 'kept' WHERE id = 1")));
    }
    QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
    QVERIFY2(fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error),
             qPrintable(error));
    // Another program that reads and closes must see the window still there, and leave its
    // write-ahead log alone.
    const Run r = fo({QStringLiteral("list"), QStringLiteral("--library"), path});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-shm")));
    QSqlQuery q(window->connection());
    QVERIFY2(q.exec(QStringLiteral("UPDATE stories SET summary = 'still here' WHERE id = 2")),
             qPrintable(q.lastError().text()));
    QVERIFY(q.exec(QStringLiteral("PRAGMA quick_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "tst_storage_faults.moc"
