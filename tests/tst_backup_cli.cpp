// fieldoffice backup and restore: what users type, see, and the exit codes, run in the test's
// process (fieldoffice_cli's runCli); a restore killed midway runs the real program.

#include "backuptesting.h"
#include "clirun.h"
#include "processrun.h"

#include "backup/backup.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace fo;
using namespace backuptesting;

class TestBackupCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void backupToAFile();
    void backupIntoTheAutomaticFolder();
    void backupUsageAndRefusals();
    void restoreRefusesWithoutForce();
    void restoreWithForceKeepsTheOldAside();
    void restoreUsageAndRefusals();
    void restoreKilledMidwayLeavesAWholeLibrary();

private:
    ToolRun run(const QStringList &args) const { return runCliInProcess(args); }
    QString path(const QString &name) const { return mDir->filePath(name); }
    /// One line on stderr, starting "fieldoffice: ".
    static bool oneErrorLine(const ToolRun &r)
    {
        return r.err.startsWith(QLatin1String("fieldoffice: ")) &&
               r.err.count(QLatin1Char('\n')) == 1;
    }
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestBackupCli::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    QVERIFY(makeLibrary(path(QStringLiteral("lib.fieldoffice")), 9));
}

void TestBackupCli::backupToAFile()
{
    const QString out = path(QStringLiteral("copy.fieldoffice"));
    ToolRun r = run({QStringLiteral("backup"), QStringLiteral("--library"),
                     path(QStringLiteral("lib.fieldoffice")), QStringLiteral("-o"), out});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("backed up 9 stories to %1").arg(out));
    QCOMPARE(storyCount(out), 9);

    r = run({QStringLiteral("backup"), QStringLiteral("--library"),
             path(QStringLiteral("lib.fieldoffice")), QStringLiteral("-o"), out});
    QCOMPARE(r.code, 1);
    QVERIFY2(oneErrorLine(r), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("already exists; add --force")), qPrintable(r.err));

    r = run({QStringLiteral("backup"), QStringLiteral("--library"),
             path(QStringLiteral("lib.fieldoffice")), QStringLiteral("-o"), out,
             QStringLiteral("--force")});
    QCOMPARE(r.code, 0);
}

void TestBackupCli::backupIntoTheAutomaticFolder()
{
    const ToolRun r = run({QStringLiteral("backup"), QStringLiteral("--library"),
                           path(QStringLiteral("lib.fieldoffice"))});
    QCOMPARE(r.code, 0);
    const QStringList files = allFiles(path(QStringLiteral("lib backups")));
    QCOMPARE(files.size(), 1);
    QVERIFY2(QRegularExpression(
                 QStringLiteral("^lib-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.fieldoffice$"))
                 .match(files.constFirst())
                 .hasMatch(),
             qPrintable(files.constFirst()));
    QVERIFY(r.out.contains(files.constFirst()));
}

void TestBackupCli::backupUsageAndRefusals()
{
    ToolRun r = run({QStringLiteral("backup"), QStringLiteral("--library"),
                     path(QStringLiteral("missing.fieldoffice")), QStringLiteral("-o"),
                     path(QStringLiteral("x.fieldoffice"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(oneErrorLine(r), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("x.fieldoffice"))));

    r = run({QStringLiteral("backup"), QStringLiteral("--library"),
             path(QStringLiteral("lib.fieldoffice")), QStringLiteral("extra")});
    QCOMPARE(r.code, 2);
    QVERIFY2(oneErrorLine(r), qPrintable(r.err));

    r = run({QStringLiteral("backup"), QStringLiteral("--library"),
             path(QStringLiteral("lib.fieldoffice")), QStringLiteral("-o"),
             path(QStringLiteral("no/such/folder/x.fieldoffice"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(oneErrorLine(r), qPrintable(r.err));

    // Never a copy renamed over the library itself.
    r = run({QStringLiteral("backup"), QStringLiteral("--library"),
             path(QStringLiteral("lib.fieldoffice")), QStringLiteral("-o"),
             path(QStringLiteral("lib.fieldoffice")), QStringLiteral("--force")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("the library itself")), qPrintable(r.err));
    QCOMPARE(storyCount(path(QStringLiteral("lib.fieldoffice"))), 9);

    r = run({QStringLiteral("backup"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("--force")));
}

void TestBackupCli::restoreRefusesWithoutForce()
{
    QVERIFY(writeBackup(path(QStringLiteral("lib.fieldoffice")),
                        path(QStringLiteral("b.fieldoffice")), false)
                .ok);
    QVERIFY(makeLibrary(path(QStringLiteral("other.fieldoffice")), 2));
    const ToolRun r =
        run({QStringLiteral("restore"), QStringLiteral("--library"),
             path(QStringLiteral("other.fieldoffice")), path(QStringLiteral("b.fieldoffice"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(oneErrorLine(r), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("--force")), qPrintable(r.err));
    QCOMPARE(storyCount(path(QStringLiteral("other.fieldoffice"))), 2);
}

void TestBackupCli::restoreWithForceKeepsTheOldAside()
{
    QVERIFY(writeBackup(path(QStringLiteral("lib.fieldoffice")),
                        path(QStringLiteral("b.fieldoffice")), false)
                .ok);
    QVERIFY(makeLibrary(path(QStringLiteral("other.fieldoffice")), 2));
    const ToolRun r = run({QStringLiteral("restore"), QStringLiteral("--library"),
                           path(QStringLiteral("other.fieldoffice")),
                           path(QStringLiteral("b.fieldoffice")), QStringLiteral("--force")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QLatin1String("restored 9 stories from")), qPrintable(r.out));
    QCOMPARE(storyCount(path(QStringLiteral("other.fieldoffice"))), 9);
    const QStringList aside =
        allFiles(mDir->path()).filter(QStringLiteral("other.fieldoffice.replaced-"));
    QCOMPARE(aside.size(), 1);
    QVERIFY(r.out.contains(aside.constFirst()));
    QCOMPARE(storyCount(path(aside.constFirst())), 2);

    // A library that does not exist yet needs no --force.
    const ToolRun fresh =
        run({QStringLiteral("restore"), QStringLiteral("--library"),
             path(QStringLiteral("fresh.fieldoffice")), path(QStringLiteral("b.fieldoffice"))});
    QCOMPARE(fresh.code, 0);
    QCOMPARE(storyCount(path(QStringLiteral("fresh.fieldoffice"))), 9);
}

void TestBackupCli::restoreUsageAndRefusals()
{
    ToolRun r = run({QStringLiteral("restore"), QStringLiteral("--library"),
                     path(QStringLiteral("lib.fieldoffice"))});
    QCOMPARE(r.code, 2);
    QVERIFY2(oneErrorLine(r), qPrintable(r.err));

    r = run({QStringLiteral("restore"), QStringLiteral("--library"),
             path(QStringLiteral("new.fieldoffice")), path(QStringLiteral("missing.fieldoffice"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(oneErrorLine(r), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("new.fieldoffice"))));
}

void TestBackupCli::restoreKilledMidwayLeavesAWholeLibrary()
{
    // Big enough that a restore takes a while: a kill lands in the copy aside or the restore.
    const QString library = path(QStringLiteral("big.fieldoffice"));
    QVERIFY(makeLibrary(library, 400, 6000));
    QVERIFY(writeBackup(path(QStringLiteral("lib.fieldoffice")),
                        path(QStringLiteral("b.fieldoffice")), false)
                .ok);
    const QString bigCopy = path(QStringLiteral("big-copy.fieldoffice"));
    QVERIFY(writeBackup(library, bigCopy, false).ok);
    QElapsedTimer timer;
    timer.start();
    int killed = 0;
    for (int round = 0; round < 8 && timer.elapsed() < 60000; ++round) {
        const int before = storyCount(library);
        QProcess p;
        p.setProcessEnvironment(commandLineEnvironment(mDir->path()));
        p.start(QStringLiteral(FO_BINARY),
                {QStringLiteral("restore"), QStringLiteral("--library"), library,
                 QStringLiteral("--force"), path(QStringLiteral("b.fieldoffice"))});
        QVERIFY(p.waitForStarted());
        QTest::qWait(150 + 60 * round); // start-up takes ~150 ms here, a restore ~0.5 s
        if (p.state() == QProcess::Running) {
            p.kill(); // SIGKILL: no clean-up of any kind
            ++killed;
        }
        p.waitForFinished();
        // Either the old stories or the backup's, whole: never a mixture, never damage.
        const int after = storyCount(library);
        qInfo("round %d: %s, %d stories", round,
              p.exitStatus() == QProcess::CrashExit ? "killed" : "finished", after);
        QVERIFY2(after == before || after == 9, qPrintable(QString::number(after)));
        const BackupCheck check = verifyLibraryCopy(library);
        QVERIFY2(check.ok, qPrintable(check.error));
        if (after == 9) { // back to the big library for the next round
            QVERIFY(restoreLibrary(bigCopy, library, true).ok);
        }
    }
    qInfo("%d of the restores were killed midway", killed);
}

QTEST_GUILESS_MAIN(TestBackupCli)
#include "tst_backup_cli.moc"
