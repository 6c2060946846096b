// The library file: creation, migrations, and every refusal leaving the file untouched.

#include "library/database.h"
#include "library/nestedtransaction.h"
#include "libraryopentesting.h"
#include "refusaltesting.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace fo;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), qint64(bytes.size()));
}

/// Runs SQL on a file through a plain SQLite connection, outside fo::Database, then closes it in
/// rollback-journal mode so the file holds everything.
void rawSql(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements) {
            QVERIFY2(q.exec(s), qPrintable(s));
        }
        q.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString makeLibrary(const QString &path)
{
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::CreateIfMissing, &error);
    if (!db) {
        return error;
    }
    Story s;
    s.headline = QStringLiteral("Police Officers Trained in Victim Care");
    s.officeName = QStringLiteral("Kampala");
    fo::testing::said(StoryWriter(*db).create(s), &error);
    return error;
}

/// Whether another connection could start writing now, without waiting.
bool anotherWriterCouldStart(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, 0);
    const bool began = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    if (began) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    sqlite3_close(db);
    return began;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newLibraryIsCurrent();
    void reopenMigratesNothing();
    void pragmasAreSet();
    void refusals_data();
    void refusals();
    void missingFileForMustExist();
    void createNewRefusesExisting();
    void readOnlyLibraryOpensReadOnly();
    void olderVersionIsMigrated();
    void transactionTakesTheWriteLockAtOnce();
    void nestedTransactionTakesTheWriteLockAtOnce();
    void nestedTransactionInsideATransactionIsAPart();
    void busyWriteSaysWhy();
    void readOnlyWriteSaysWhy();
};

void TestDatabase::newLibraryIsCurrent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.fieldoffice"));
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->wasCreated());
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(db->migrationsApplied(), Database::kSchemaVersion);
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), Database::kSchemaVersion);
    QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
    QCOMPARE(q.value(0).toInt(), Database::kApplicationId);
}

void TestDatabase::reopenMigratesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.fieldoffice"));
    QCOMPARE(makeLibrary(path), QString());
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(!db->wasCreated());
    QCOMPARE(db->migrationsApplied(), 0);
    QCOMPARE(StoryRepository(*db).count({}).value_or(-1), 1);
}

void TestDatabase::pragmasAreSet()
{
    QTemporaryDir dir;
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("p.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(db, qPrintable(error));
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next());
    QVERIFY(q.value(0).toInt() >= 1000);
}

void TestDatabase::refusals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected"); // a fragment of the one-line reason

    QTest::newRow("another SQLite database") << "foreign"
                                             << "not a Field Office library";
    QTest::newRow("empty SQLite database") << "emptysqlite"
                                           << "not a Field Office library";
    QTest::newRow("text file") << "text"
                               << "not a Field Office library";
    QTest::newRow("random bytes") << "random"
                                  << "not a Field Office library";
    QTest::newRow("empty file") << "empty"
                                << "empty file";
    QTest::newRow("newer schema") << "newer"
                                  << "newer Field Office";
    QTest::newRow("truncated library") << "truncated"
                                       << "damaged";
    QTest::newRow("missing folder") << "nodir"
                                    << "does not exist";
    QTest::newRow("a folder") << "folder"
                              << "is a folder";
}

void TestDatabase::refusals()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("target.fieldoffice"));

    if (kind == QLatin1String("foreign")) {
        rawSql(path, {QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"),
                      QStringLiteral("INSERT INTO notes (text) VALUES ('shopping list')")});
    } else if (kind == QLatin1String("emptysqlite")) {
        rawSql(path, {QStringLiteral("PRAGMA user_version = 0"),
                      QStringLiteral("CREATE TABLE t (x)"), QStringLiteral("DROP TABLE t")});
    } else if (kind == QLatin1String("text")) {
        writeFile(path, QByteArrayLiteral("Headline\n\nGULU, UGANDA – This is a story.\n"));
    } else if (kind == QLatin1String("random")) {
        QByteArray bytes(8192, Qt::Uninitialized);
        QRandomGenerator gen(42);
        for (char &c : bytes) {
            c = char(gen.bounded(256));
        }
        writeFile(path, bytes);
    } else if (kind == QLatin1String("empty")) {
        writeFile(path, QByteArray());
    } else if (kind == QLatin1String("newer")) {
        QCOMPARE(makeLibrary(path), QString());
        rawSql(path,
               {QStringLiteral("PRAGMA user_version = %1").arg(Database::kSchemaVersion + 1)});
    } else if (kind == QLatin1String("truncated")) {
        QCOMPARE(makeLibrary(path), QString());
        rawSql(path, {QStringLiteral("PRAGMA user_version")});
        QByteArray bytes = fileBytes(path);
        QVERIFY(bytes.size() > 8192);
        writeFile(path, bytes.left(4096 + 100));
    } else if (kind == QLatin1String("nodir")) {
        path = dir.filePath(QStringLiteral("no/such/folder/lib.fieldoffice"));
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("target.fieldoffice")));
    }

    const bool existed = QFileInfo::exists(path);
    const QByteArray before = QFileInfo(path).isFile() ? fileBytes(path) : QByteArray();
    const QStringList entriesBefore =
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

    for (const auto mode : {Database::OpenMode::MustExist, Database::OpenMode::CreateIfMissing}) {
        QString error;
        auto db = fo::testing::openLibrary(path, mode, &error);
        QVERIFY2(!db, qPrintable(kind));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), "the reason is one line");
    }
    QCOMPARE(QFileInfo::exists(path), existed);
    if (QFileInfo(path).isFile()) {
        QCOMPARE(fileBytes(path), before);
    }
    // No -wal, -shm or journal left beside it either.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), entriesBefore);
}

void TestDatabase::missingFileForMustExist()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.fieldoffice"));
    QString error;
    QVERIFY(!fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error));
    QVERIFY2(error.contains(QStringLiteral("no library at")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
}

void TestDatabase::createNewRefusesExisting()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.fieldoffice"));
    QCOMPARE(makeLibrary(path), QString());
    const QByteArray before = fileBytes(path);
    QString error;
    QVERIFY(!fo::testing::openLibrary(path, Database::OpenMode::CreateNew, &error));
    QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    QCOMPARE(fileBytes(path), before);
}

void TestDatabase::readOnlyLibraryOpensReadOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.fieldoffice"));
    QCOMPARE(makeLibrary(path), QString());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    // Root may write a mode-0444 file; the immutable attribute stops root too.
    const bool immutable = ::access(QFile::encodeName(path).constData(), W_OK) == 0;
    if (immutable &&
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) != 0) {
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QSKIP("running as root where chattr +i is not available: cannot make a read-only file");
    }
    const auto cleanup = qScopeGuard([&] {
        if (immutable) {
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
        }
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    });
    const QByteArray before = fileBytes(path);
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->isReadOnly());
    QCOMPARE(StoryRepository(*db).count({}).value_or(-1), 1);
    Story s;
    s.headline = QStringLiteral("Should not be stored");
    QVERIFY(!fo::testing::said(StoryWriter(*db).create(s), &error));
    db.reset();
    QCOMPARE(fileBytes(path), before);
}

void TestDatabase::olderVersionIsMigrated()
{
    // A library at version 0 that carries our application id (as an interrupted first creation
    // would leave it) is brought up to date.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.fieldoffice"));
    rawSql(path, {QStringLiteral("PRAGMA application_id = %1").arg(Database::kApplicationId)});
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(db->migrationsApplied(), Database::kSchemaVersion);
}

void TestDatabase::transactionTakesTheWriteLockAtOnce()
{
    // A deferred transaction would take the lock only at its first write, and then fail at
    // once with "database is locked" if another program had taken it meanwhile.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.fieldoffice"));
    QCOMPARE(makeLibrary(path), QString());
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(anotherWriterCouldStart(path));
    {
        Transaction tx(db->connection());
        QVERIFY(fo::testing::said(tx.begun(), &error));
        QVERIFY(!anotherWriterCouldStart(path));
        QVERIFY2(fo::testing::said(tx.finish(), &error), qPrintable(error));
    }
    QVERIFY(anotherWriterCouldStart(path));
}

void TestDatabase::nestedTransactionTakesTheWriteLockAtOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.fieldoffice"));
    QCOMPARE(makeLibrary(path), QString());
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    {
        NestedTransaction tx(db->connection());
        QVERIFY(fo::testing::said(tx.begun(), &error));
        QVERIFY(!anotherWriterCouldStart(path));
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE stories SET summary = 'committed'")));
        QVERIFY2(fo::testing::said(tx.finish(), &error), qPrintable(error));
    }
    QVERIFY(anotherWriterCouldStart(path));
    {
        NestedTransaction tx(db->connection());
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE stories SET summary = 'rolled back'")));
    }
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT summary FROM stories")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("committed"));
}

void TestDatabase::nestedTransactionInsideATransactionIsAPart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.fieldoffice"));
    QCOMPARE(makeLibrary(path), QString());
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    {
        Transaction outer(db->connection());
        QVERIFY(fo::testing::said(outer.begun(), &error));
        {
            NestedTransaction inner(db->connection());
            QVERIFY(fo::testing::said(inner.begun(), &error));
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE stories SET summary = 'inner'")));
            QVERIFY2(fo::testing::said(inner.finish(), &error), qPrintable(error));
        }
        // Still inside the outer transaction: nothing is committed yet.
        QCOMPARE(sqlite3_get_autocommit(sqliteHandle(db->connection())), 0);
        // The outer one is rolled back here, and the inner part with it.
    }
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT summary FROM stories")) && q.next());
    QVERIFY(q.value(0).toString() != QLatin1String("inner"));
}

void TestDatabase::busyWriteSaysWhy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.fieldoffice"));
    QCOMPARE(makeLibrary(path), QString());
    QString error;
    auto first = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    auto second = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(first && second, qPrintable(error));
    QVERIFY(second->setBusyTimeout(0));
    Transaction holding(first->connection());
    QVERIFY(fo::testing::said(holding.begun(), &error));
    NestedTransaction tx(second->connection());
    QVERIFY(!fo::testing::said(tx.begun(), &error));
    QCOMPARE(error,
             QStringLiteral("cannot save: the library is busy: another program is writing to it"));
    Transaction plain(second->connection());
    QVERIFY(!fo::testing::said(plain.begun(), &error));
    QCOMPARE(error,
             QStringLiteral("cannot save: the library is busy: another program is writing to it"));
}

void TestDatabase::readOnlyWriteSaysWhy()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("media"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("media")));
    const QString path = folder + QStringLiteral("/lib.fieldoffice");
    QCOMPARE(makeLibrary(path), QString());
    // chattr +i stops root too, who may write any folder.
    const bool root = ::geteuid() == 0;
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const auto cleanup = qScopeGuard([&] {
        if (root) {
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), folder});
        }
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    });
    if (root && QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), folder}) != 0) {
        QSKIP("running as root where chattr +i is not available: cannot make a read-only folder");
    }
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->isReadOnly());
    QCOMPARE(db->readOnlyReason(), QStringLiteral("its folder is read-only"));
    QCOMPARE(StoryRepository(*db).count({}).value_or(-1), 1);
    NestedTransaction tx(db->connection());
    QVERIFY(!fo::testing::said(tx.begun(), &error));
    QCOMPARE(error, QStringLiteral("cannot save: the library is read-only"));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
