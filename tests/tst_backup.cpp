// Backups and restores in the core: consistent copies while others write, verification, the
// automatic folder's rotation, a full disk, and restoring over a library.

#include "backuptesting.h"
#include "refusaltesting.h"

#include "backup/backup.h"
#include "backup/backupstore.h"
#include "base/clock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <csignal>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using namespace fo;
using namespace backuptesting;

class TestBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void backupIsAVerifiedCopy();
    void backupWhileAnotherProgramWrites();
    void refusesToOverwriteUnlessAsked();
    void fullDiskLeavesNoFile();
    void damagedLibraryGivesNoBackup();
    void rotationKeepsTenRecentAndSevenDaily();
    void rotationLeavesOtherFilesAlone();
    void backsUpOnlyWhenSomethingChanged();
    void restoreCreatesAMissingLibrary();
    void restoreRefusesAnExistingLibraryUnlessAsked();
    void restoreIntoAnOpenLibraryKeepsTheOldAside();
    void restoreRefusesWhatIsNotABackup();

private:
    QString path(const QString &name) const { return mDir->filePath(name); }
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestBackup::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestBackup::cleanup()
{
    Clock::setOverride({});
    mDir.reset();
}

void TestBackup::backupIsAVerifiedCopy()
{
    QVERIFY(makeLibrary(path(QStringLiteral("lib.fieldoffice")), 12));
    const BackupResult result = writeBackup(path(QStringLiteral("lib.fieldoffice")),
                                            path(QStringLiteral("copy.fieldoffice")), false);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.stories, 12);
    QVERIFY(result.size > 0);
    // Only the copy: no temporary file, no journal beside it.
    QCOMPARE(allFiles(mDir->path()).filter(QStringLiteral("copy")),
             QStringList{QStringLiteral("copy.fieldoffice")});
    QCOMPARE(storyCount(result.path), 12);
    const BackupCheck check = verifyLibraryCopy(result.path);
    QVERIFY2(check.ok, qPrintable(check.error));
    QCOMPARE(check.fingerprint, result.fingerprint);
}

void TestBackup::backupWhileAnotherProgramWrites()
{
    const QString library = path(QStringLiteral("busy.fieldoffice"));
    QVERIFY(makeLibrary(library, 50, 2000));
    std::atomic_bool stop{false};
    std::atomic_int written{0};
    // Another connection, on its own thread as another program would be, keeps adding stories.
    std::thread writer([&] {
        {
            auto db = openLibrary(library);
            QElapsedTimer timer;
            timer.start();
            while (db && !stop && written < 2000 && timer.elapsed() < 20000) {
                if (!addStories(*db, 1, QStringLiteral("Meanwhile"), 2000)) {
                    break;
                }
                ++written;
            }
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(written > 5, 10000);
    const int before = written + 50;
    const BackupResult result =
        writeBackup(library, path(QStringLiteral("snapshot.fieldoffice")), false);
    const int after = written + 50;
    stop = true;
    writer.join();
    QVERIFY2(result.ok, qPrintable(result.error));
    // One moment's state: at least what was there before, at most what was there after.
    QVERIFY2(
        result.stories >= before - 1 && result.stories <= after + 1,
        qPrintable(QStringLiteral("%1 not in %2..%3").arg(result.stories).arg(before).arg(after)));
    QVERIFY(verifyLibraryCopy(result.path).ok);
}

void TestBackup::refusesToOverwriteUnlessAsked()
{
    QVERIFY(makeLibrary(path(QStringLiteral("lib.fieldoffice")), 3));
    const QString target = path(QStringLiteral("target.fieldoffice"));
    {
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
    }
    BackupResult result = writeBackup(path(QStringLiteral("lib.fieldoffice")), target, false);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("already exists")), qPrintable(result.error));
    QFile f(target);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("precious"));
    f.close();
    result = writeBackup(path(QStringLiteral("lib.fieldoffice")), target, true);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(storyCount(target), 3);
}

namespace {

/// A folder that holds at most ~64 KB: a small tmpfs when we may mount one (root), else the
/// same limit on file size for this process (RLIMIT_FSIZE; writes past it fail with EFBIG).
class SmallDisk
{
public:
    explicit SmallDisk(const QString &folder) : mFolder(folder)
    {
        QDir().mkpath(folder);
        // FO_TEST_NO_TMPFS=1 tries the other way where root could mount.
        if (geteuid() == 0 && qEnvironmentVariableIsEmpty("FO_TEST_NO_TMPFS") &&
            QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=64k"), QStringLiteral("tmpfs"), folder}) == 0) {
            mMounted = true;
            return;
        }
        std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &mOld);
        rlimit limit = mOld;
        limit.rlim_cur = 64 * 1024;
        setrlimit(RLIMIT_FSIZE, &limit);
        mLimited = true;
    }
    /// Ends the limit on file sizes (the tmpfs stays until the destructor).
    void lift()
    {
        if (mLimited) {
            setrlimit(RLIMIT_FSIZE, &mOld);
            mLimited = false;
        }
    }
    ~SmallDisk()
    {
        lift();
        if (mMounted) {
            QProcess::execute(QStringLiteral("umount"), {mFolder});
        }
    }
    bool isTmpfs() const { return mMounted; }

private:
    QString mFolder;
    bool mMounted = false;
    bool mLimited = false;
    rlimit mOld{};
};

} // namespace

void TestBackup::fullDiskLeavesNoFile()
{
    const QString library = path(QStringLiteral("big.fieldoffice"));
    QVERIFY(makeLibrary(library, 60, 4000)); // well over 64 KB
    const QString folder = path(QStringLiteral("small"));
    BackupResult result;
    {
        SmallDisk disk(folder);
        qInfo("full disk through %s", disk.isTmpfs() ? "a 64 KB tmpfs" : "RLIMIT_FSIZE");
        result = writeBackup(library, folder + QStringLiteral("/big-copy.fieldoffice"), false);
        disk.lift();
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QLatin1String("disk is full")) ||
                     result.error.contains(QLatin1String("too large")) ||
                     result.error.contains(QLatin1String("I/O")),
                 qPrintable(result.error));
        // Neither the backup nor a temporary piece of it is left.
        QCOMPARE(allFiles(folder), QStringList());
    }
    // The library itself is untouched and backs up where there is room.
    QVERIFY(writeBackup(library, path(QStringLiteral("roomy.fieldoffice")), false).ok);
    QCOMPARE(storyCount(library), 60);
}

void TestBackup::damagedLibraryGivesNoBackup()
{
    const QString library = path(QStringLiteral("hurt.fieldoffice"));
    QVERIFY(makeLibrary(library, 20));
    // The stories themselves: an index would be built afresh in the copy, a table cannot be.
    QVERIFY(damagePage(library, QStringLiteral("stories")));
    BackupStore store(library);
    const BackupResult result = store.backUpNow();
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("damaged")), qPrintable(result.error));
    QCOMPARE(allFiles(store.folder()), QStringList());
}

void TestBackup::rotationKeepsTenRecentAndSevenDaily()
{
    const QString library = path(QStringLiteral("stories.fieldoffice"));
    QVERIFY(makeLibrary(library, 2));
    BackupStore store(library);
    // Twelve days, three backups a day.
    QDateTime now;
    Clock::setOverride([&now] { return now; });
    QStringList made;
    for (int day = 1; day <= 12; ++day) {
        for (int hour : {9, 13, 18}) {
            now = QDateTime(QDate(2026, 11, day), QTime(hour, 30), Qt::UTC);
            const BackupResult result = store.backUpNow();
            QVERIFY2(result.ok, qPrintable(result.error));
            made << QFileInfo(result.path).fileName();
        }
    }
    QCOMPARE(made.first(), QStringLiteral("stories-2026-11-01T09-30-00Z.fieldoffice"));
    const auto name = [](int day, int hour) {
        return QStringLiteral("stories-2026-11-%1T%2-30-00Z.fieldoffice")
            .arg(day, 2, 10, QLatin1Char('0'))
            .arg(hour, 2, 10, QLatin1Char('0'));
    };
    // The 10 newest: days 12, 11, 10 whole and the evening of day 9; then the newest of each of
    // the 7 newest days adds the evenings of days 8, 7 and 6.
    QStringList expected;
    for (int day : {12, 11, 10}) {
        expected << name(day, 9) << name(day, 13) << name(day, 18);
    }
    expected << name(9, 18) << name(8, 18) << name(7, 18) << name(6, 18);
    expected.sort();
    QCOMPARE(allFiles(store.folder()), expected);
    QCOMPARE(store.list(false).size(), 13);
    QCOMPARE(store.list(false).first().path, store.folder() + QLatin1Char('/') + name(12, 18));
}

void TestBackup::rotationLeavesOtherFilesAlone()
{
    const QString library = path(QStringLiteral("stories.fieldoffice"));
    QVERIFY(makeLibrary(library, 1));
    BackupStore store(library);
    QVERIFY(QDir().mkpath(store.folder()));
    const QStringList foreign = {QStringLiteral("notes.txt"),
                                 QStringLiteral("other-2020-01-01T00-00-00Z.fieldoffice"),
                                 QStringLiteral("stories-2020-01-01T00-00-00Z.fieldoffice.txt"),
                                 QStringLiteral("stories-copy.fieldoffice")};
    for (const QString &file : foreign) {
        QFile f(QDir(store.folder()).filePath(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    // Left by backups cut off midway: one from long ago, one that may still be being written.
    const QString old = QStringLiteral(".stories-2020-01-01T00-00-00Z.fieldoffice.partial-0a1b2c");
    const QString fresh =
        QStringLiteral(".stories-2020-01-02T00-00-00Z.fieldoffice.partial-3d4e5f");
    for (const QString &file : {old, fresh}) {
        QFile f(QDir(store.folder()).filePath(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        if (file == old) {
            QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addDays(-1),
                                  QFileDevice::FileModificationTime));
        }
    }
    QDateTime now(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    Clock::setOverride([&now] { return now; });
    for (int i = 0; i < 30; ++i) {
        now = now.addDays(1);
        QVERIFY(store.backUpNow().ok);
    }
    const QStringList files = allFiles(store.folder());
    for (const QString &file : foreign) {
        QVERIFY2(files.contains(file), qPrintable(file));
    }
    QVERIFY(!files.contains(old));
    QVERIFY(files.contains(fresh));
    QCOMPARE(files.size(), foreign.size() + 1 + 10);
}

void TestBackup::backsUpOnlyWhenSomethingChanged()
{
    const QString library = path(QStringLiteral("daily.fieldoffice"));
    QVERIFY(makeLibrary(library, 4));
    BackupStore store(library);
    bool written = false;
    QVERIFY(store.backUpIfChanged(&written).ok);
    QVERIFY(written);
    QVERIFY(store.backUpIfChanged(&written).ok);
    QVERIFY(!written);
    QCOMPARE(store.list(false).size(), 1);
    {
        auto db = openLibrary(library);
        Story story = StoryRepository(*db).get(1).value();
        story.headline = QStringLiteral("Changed");
        QString error;
        QVERIFY2(fo::testing::said(StoryWriter(*db).update(story), &error), qPrintable(error));
    }
    QVERIFY(store.backUpIfChanged(&written).ok);
    QVERIFY(written);
    const QVector<BackupEntry> entries = store.list(true);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.first().stories, 4);
}

void TestBackup::restoreCreatesAMissingLibrary()
{
    QVERIFY(makeLibrary(path(QStringLiteral("lib.fieldoffice")), 7));
    QVERIFY(writeBackup(path(QStringLiteral("lib.fieldoffice")),
                        path(QStringLiteral("b.fieldoffice")), false)
                .ok);
    const BackupResult result = restoreLibrary(path(QStringLiteral("b.fieldoffice")),
                                               path(QStringLiteral("new.fieldoffice")), false);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.replacedPath.isEmpty());
    QCOMPARE(storyCount(path(QStringLiteral("new.fieldoffice"))), 7);
}

void TestBackup::restoreRefusesAnExistingLibraryUnlessAsked()
{
    QVERIFY(makeLibrary(path(QStringLiteral("lib.fieldoffice")), 7));
    QVERIFY(writeBackup(path(QStringLiteral("lib.fieldoffice")),
                        path(QStringLiteral("b.fieldoffice")), false)
                .ok);
    QVERIFY(makeLibrary(path(QStringLiteral("other.fieldoffice")), 2));
    const BackupResult result = restoreLibrary(path(QStringLiteral("b.fieldoffice")),
                                               path(QStringLiteral("other.fieldoffice")), false);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("already exists")), qPrintable(result.error));
    QCOMPARE(storyCount(path(QStringLiteral("other.fieldoffice"))), 2);
    QCOMPARE(allFiles(mDir->path()).filter(QStringLiteral("replaced")), QStringList());
}

void TestBackup::restoreIntoAnOpenLibraryKeepsTheOldAside()
{
    const QString library = path(QStringLiteral("live.fieldoffice"));
    QVERIFY(makeLibrary(library, 5));
    QVERIFY(writeBackup(library, path(QStringLiteral("five.fieldoffice")), false).ok);
    auto open = openLibrary(library); // a window that has it open
    QVERIFY(addStories(*open, 3, QStringLiteral("Later")));
    QCOMPARE(StoryRepository(*open).count({}).value_or(-1), 8);
    const BackupResult result =
        restoreLibrary(path(QStringLiteral("five.fieldoffice")), library, true);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.stories, 5);
    // The open connection reads the restored content; the old one is kept aside, whole.
    QCOMPARE(StoryRepository(*open).count({}).value_or(-1), 5);
    QVERIFY(addStories(*open, 1, QStringLiteral("After")));
    QVERIFY(result.replacedPath.startsWith(library + QStringLiteral(".replaced-")));
    const BackupCheck aside = verifyLibraryCopy(result.replacedPath);
    QVERIFY2(aside.ok, qPrintable(aside.error));
    QCOMPARE(aside.stories, 8);
    open.reset();
    QCOMPARE(storyCount(library), 6);
    QVERIFY(verifyLibraryCopy(library).ok);
}

void TestBackup::restoreRefusesWhatIsNotABackup()
{
    QVERIFY(makeLibrary(path(QStringLiteral("lib.fieldoffice")), 3));
    {
        QFile f(path(QStringLiteral("text.fieldoffice")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a library at all, just some words in a file\n");
    }
    QVERIFY(!restoreLibrary(path(QStringLiteral("lib.fieldoffice")),
                            path(QStringLiteral("lib.fieldoffice")), true)
                 .ok);
    BackupResult result = restoreLibrary(path(QStringLiteral("text.fieldoffice")),
                                         path(QStringLiteral("lib.fieldoffice")), true);
    QVERIFY(!result.ok);
    QVERIFY(writeBackup(path(QStringLiteral("lib.fieldoffice")),
                        path(QStringLiteral("b.fieldoffice")), false)
                .ok);
    QVERIFY(damagePage(path(QStringLiteral("b.fieldoffice")), QStringLiteral("stories_status")));
    result = restoreLibrary(path(QStringLiteral("b.fieldoffice")),
                            path(QStringLiteral("lib.fieldoffice")), true);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("damaged")), qPrintable(result.error));
    // Refused before anything happened: the library as it was, nothing set aside.
    QCOMPARE(storyCount(path(QStringLiteral("lib.fieldoffice"))), 3);
    QCOMPARE(allFiles(mDir->path()).filter(QStringLiteral("replaced")), QStringList());
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
