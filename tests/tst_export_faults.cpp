// Exports and packets when things go wrong, run as the real program: a full disk, a read-only
// folder, a packet killed half-way, the part files such a run leaves. Whatever happens, the user
// gets exit 1 and one line saying why, the old file stays as it was, no empty or half file
// appears, and the audit trail records only what was published.
//
// The full and read-only disks are small tmpfs mounts, so these tests need root (CI runs as
// root); elsewhere they are skipped.

#include "exportchecks.h"
#include "library/auditlog.h"
#include "library/database.h"
#include "libraryopentesting.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

using exportchecks::fileBytes;
using exportchecks::runTool;
using exportchecks::ToolRun;

namespace {

const QString kMaria = QStringLiteral("Maria Santos");
const QByteArray kOld = "the packet sent last week";

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.flush();
}

/// Every entry of a folder, hidden ones included.
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
}

void makeOld(const QString &path, int secondsAgo)
{
    struct utimbuf times;
    times.actime = times.modtime = ::time(nullptr) - secondsAgo;
    ::utime(QFile::encodeName(path).constData(), &times);
}

} // namespace

class TestExportFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fullDisk_data();
    void fullDisk();
    void readOnlyFolder();
    void staleParts();
    void killedPacketLeavesOnlyParts();

private:
    ToolRun fo(const QString &command, const QStringList &args)
    {
        return runTool(QStringLiteral(FO_BINARY),
                       QStringList{command, QStringLiteral("--library"), mLib} + args,
                       fo::commandLineEnvironment(mDir->path()));
    }
    /// A small tmpfs at `dir` (root only); unmounted in cleanup() whatever happens.
    bool mount(const QString &dir, const QString &options);
    /// Fills the mounted disk at `dir` until about `room` bytes are left.
    void fill(const QString &dir, qint64 room);
    int exportRows();

    std::unique_ptr<QTemporaryDir> mDir;
    QString mLib;
    QStringList mMounts;
};

void TestExportFaults::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    QVERIFY2(QFile::exists(QStringLiteral(FO_BINARY)), FO_BINARY);
    mLib = mDir->filePath(QStringLiteral("demo.fieldoffice"));
    const ToolRun r = runTool(QStringLiteral(FO_BINARY),
                              {QStringLiteral("demo"), QStringLiteral("--library"), mLib},
                              fo::commandLineEnvironment(mDir->path()));
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestExportFaults::cleanup()
{
    for (const QString &dir : qAsConst(mMounts)) {
        if (runTool(QStringLiteral("umount"), {dir}).code != 0) {
            runTool(QStringLiteral("umount"), {QStringLiteral("-l"), dir});
        }
    }
    mMounts.clear();
    mDir.reset();
}

bool TestExportFaults::mount(const QString &dir, const QString &options)
{
    if (::geteuid() != 0) {
        return false;
    }
    QDir().mkpath(dir);
    const ToolRun r = runTool(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               options, QStringLiteral("tmpfs"), dir});
    if (r.code != 0) {
        qWarning("mount: %s", qPrintable(r.err));
        return false;
    }
    mMounts << dir;
    return true;
}

void TestExportFaults::fill(const QString &dir, qint64 room)
{
    QFile filler(QDir(dir).filePath(QStringLiteral("filler")));
    QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    const QByteArray block(4096, 'x');
    for (int i = 0; i < 100000 && filler.write(block) == block.size(); ++i) {
    }
    filler.close();
    QVERIFY(filler.resize(qMax<qint64>(0, filler.size() - room)));
}

int TestExportFaults::exportRows()
{
    QString error;
    auto db = fo::testing::openLibrary(mLib, fo::Database::OpenMode::MustExist, &error);
    if (!db) {
        qWarning("%s", qPrintable(error));
        return -1;
    }
    fo::AuditFilter f;
    f.actions = {fo::AuditAction::Exported};
    return *fo::AuditLog(*db).count(f);
}

void TestExportFaults::fullDisk_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QStringList>("manifests");
    const QStringList packet{
        QStringLiteral("packet"),  QStringLiteral("--as"),   kMaria,
        QStringLiteral("--title"), QStringLiteral("Spring"), QStringLiteral("--status"),
        QStringLiteral("approved")};
    const QStringList fileManifests{QStringLiteral("manifest.json"),
                                    QStringLiteral("press.manifest.json")};
    QTest::newRow("export html") << QStringList{QStringLiteral("export"), QStringLiteral("1"),
                                                QStringLiteral("--format"), QStringLiteral("html")}
                                 << QStringLiteral("story.html") << QStringList();
    QTest::newRow("export pdf") << QStringList{QStringLiteral("export"), QStringLiteral("1"),
                                               QStringLiteral("--format"), QStringLiteral("pdf")}
                                << QStringLiteral("story.pdf") << QStringList();
    QTest::newRow("packet pdf") << packet + QStringList{QStringLiteral("--format"),
                                                        QStringLiteral("pdf")}
                                << QStringLiteral("press.pdf") << fileManifests;
    QTest::newRow("packet html single file")
        << packet + QStringList{QStringLiteral("--format"), QStringLiteral("html"),
                                QStringLiteral("--single-file")}
        << QStringLiteral("press.html") << fileManifests;
    QTest::newRow("packet html folder")
        << packet + QStringList{QStringLiteral("--format"), QStringLiteral("html")}
        << QStringLiteral("press") << QStringList();
}

void TestExportFaults::fullDisk()
{
    QFETCH(QStringList, args);
    QFETCH(QString, output);
    QFETCH(QStringList, manifests);
    const QString disk = mDir->filePath(QStringLiteral("disk"));
    if (!mount(disk, QStringLiteral("size=64k"))) {
        QSKIP("needs root to mount a small tmpfs");
    }
    // What was there before: an earlier export (or packet folder) and its manifests.
    const QString out = QDir(disk).filePath(output);
    if (output == QLatin1String("press")) {
        QVERIFY(QDir().mkpath(out));
        QVERIFY(writeFile(QDir(out).filePath(QStringLiteral("manifest.json")), kOld));
        QVERIFY(writeFile(QDir(out).filePath(QStringLiteral("index.html")), kOld));
    } else {
        QVERIFY(writeFile(out, kOld));
    }
    for (const QString &m : manifests) {
        QVERIFY(writeFile(QDir(disk).filePath(m), kOld));
    }
    fill(disk, 2048);
    const QStringList before = entries(disk);
    const int rowsBefore = exportRows();

    const QString command = args.takeFirst();
    const ToolRun r = fo(command, args + QStringList{QStringLiteral("-o"), out});
    QCOMPARE(r.code, 1);
    const QString err = r.err.trimmed();
    QVERIFY2(!err.contains(QLatin1Char('\n')) && err.startsWith(QStringLiteral("fieldoffice: ")),
             qPrintable(r.err));
    QVERIFY2(err.contains(QStringLiteral("the disk is full")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral(".part-")), qPrintable(err)); // the user's file name

    // Nothing new, nothing left over, the old files as they were.
    QCOMPARE(entries(disk), before);
    if (output == QLatin1String("press")) {
        QCOMPARE(entries(out),
                 (QStringList{QStringLiteral("index.html"), QStringLiteral("manifest.json")}));
        QCOMPARE(fileBytes(QDir(out).filePath(QStringLiteral("index.html"))), kOld);
    } else {
        QCOMPARE(fileBytes(out), kOld);
    }
    for (const QString &m : manifests) {
        QCOMPARE(fileBytes(QDir(disk).filePath(m)), kOld);
    }
    QCOMPARE(exportRows(), rowsBefore);

    // With room again, the same command succeeds and is recorded.
    QVERIFY(QFile::remove(QDir(disk).filePath(QStringLiteral("filler"))));
    if (output != QLatin1String("story.html")) {
        return; // a PDF or a packet of four stories does not fit in 64 KiB
    }
    const ToolRun again =
        fo(QStringLiteral("export"), args + QStringList{QStringLiteral("-o"), out});
    QVERIFY2(again.code == 0, qPrintable(again.err));
    QVERIFY(fileBytes(out).contains("<html"));
    QCOMPARE(exportRows(), rowsBefore + 1);
}

void TestExportFaults::readOnlyFolder()
{
    const QString disk = mDir->filePath(QStringLiteral("ro"));
    if (!mount(disk, QStringLiteral("size=256k"))) {
        QSKIP("needs root to mount a read-only tmpfs");
    }
    const QString out = QDir(disk).filePath(QStringLiteral("story.pdf"));
    QVERIFY(writeFile(out, kOld));
    QCOMPARE(
        runTool(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,ro"), disk})
            .code,
        0);
    for (const QString &format : {QStringLiteral("pdf"), QStringLiteral("html")}) {
        const ToolRun r =
            fo(QStringLiteral("export"), {QStringLiteral("1"), QStringLiteral("--format"), format,
                                          QStringLiteral("-o"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.trimmed().startsWith(QStringLiteral("fieldoffice: cannot write ")) &&
                     r.err.contains(QStringLiteral("read-only")),
                 qPrintable(r.err));
    }
    const ToolRun p = fo(QStringLiteral("packet"),
                         {QStringLiteral("--as"), kMaria, QStringLiteral("--title"),
                          QStringLiteral("T"), QStringLiteral("--story"), QStringLiteral("1"),
                          QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"),
                          QDir(disk).filePath(QStringLiteral("press"))});
    QCOMPARE(p.code, 1);
    QVERIFY2(p.err.contains(QStringLiteral("read-only")), qPrintable(p.err));
    QCOMPARE(fileBytes(out), kOld);
    QCOMPARE(entries(disk), QStringList{QStringLiteral("story.pdf")});
    QCOMPARE(exportRows(), 0);
}

void TestExportFaults::staleParts()
{
    // What killed runs leave: part files and folders of ours, and names that only look alike.
    const QString out = mDir->filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out));
    const QStringList ours{QStringLiteral(".press.pdf.part-0123abcd"),
                           QStringLiteral("..press.pdf.part-0123abcd.part-89abcdef"),
                           QStringLiteral(".manifest.json.part-00ff00ff"),
                           QStringLiteral(".press.manifest.json.part-a1b2c3d4"),
                           QStringLiteral(".press.pdf.part-11112222.old")};
    const QStringList notOurs{
        QStringLiteral(".press.pdf.part-notours1"), QStringLiteral("press.pdf.part-01234567"),
        QStringLiteral(".other.pdf.part-01234567"), QStringLiteral(".press.pdf.part-0123")};
    for (const QString &name : ours + notOurs) {
        QVERIFY(writeFile(QDir(out).filePath(name), "half"));
        makeOld(QDir(out).filePath(name), 600);
    }
    const QString folderPart = QDir(out).filePath(QStringLiteral(".press.part-deadbeef"));
    QVERIFY(QDir().mkpath(folderPart));
    QVERIFY(writeFile(QDir(folderPart).filePath(QStringLiteral("index.html")), "half"));
    makeOld(folderPart, 600);

    const QStringList packet{QStringLiteral("--as"),    kMaria,
                             QStringLiteral("--title"), QStringLiteral("T"),
                             QStringLiteral("--story"), QStringLiteral("1")};
    ToolRun r = fo(QStringLiteral("packet"),
                   packet + QStringList{QStringLiteral("--format"), QStringLiteral("pdf"),
                                        QStringLiteral("-o"),
                                        QDir(out).filePath(QStringLiteral("press.pdf"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = fo(QStringLiteral("packet"),
           packet + QStringList{QStringLiteral("--format"), QStringLiteral("html"),
                                QStringLiteral("-o"), QDir(out).filePath(QStringLiteral("press"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QStringList expected = notOurs;
    expected << QStringLiteral("manifest.json") << QStringLiteral("press")
             << QStringLiteral("press.manifest.json") << QStringLiteral("press.pdf");
    expected.sort();
    QCOMPARE(entries(out), expected);
}

void TestExportFaults::killedPacketLeavesOnlyParts()
{
    // A story long enough that writing its PDF takes a while.
    QString body;
    const QString sentence = QStringLiteral("The inspectors counted the workers again. ");
    for (int i = 0; body.size() < 1000000; ++i) { // just under the 1 MiB a story may hold
        body += sentence;
        if (i % 12 == 11) {
            body += QStringLiteral("\n\n");
        }
    }
    const QString bodyFile = mDir->filePath(QStringLiteral("body.md"));
    QVERIFY(writeFile(bodyFile, body.toUtf8()));
    ToolRun r = fo(QStringLiteral("edit"),
                   {QStringLiteral("9"), QStringLiteral("--as"), QStringLiteral("Grace Achieng"),
                    QStringLiteral("--body-file"), bodyFile});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString out = mDir->filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out));
    const QString pdf = QDir(out).filePath(QStringLiteral("press.pdf"));

    QProcess p;
    p.setProcessEnvironment(fo::commandLineEnvironment(mDir->path()));
    p.start(QStringLiteral(FO_BINARY),
            {QStringLiteral("packet"), QStringLiteral("--library"), mLib, QStringLiteral("--as"),
             kMaria, QStringLiteral("--title"), QStringLiteral("T"), QStringLiteral("--story"),
             QStringLiteral("9"), QStringLiteral("--allow-unapproved"), QStringLiteral("--format"),
             QStringLiteral("pdf"), QStringLiteral("-o"), pdf});
    QVERIFY(p.waitForStarted());
    // Kill it as soon as it has begun writing (bounded: two minutes).
    QElapsedTimer clock;
    clock.start();
    bool writing = false;
    while (!writing && p.state() == QProcess::Running && clock.elapsed() < 120000) {
        for (const QString &e : entries(out)) {
            writing = writing || (e.startsWith(QLatin1Char('.')) &&
                                  QFileInfo(QDir(out).filePath(e)).size() > 0);
        }
        QTest::qWait(5);
    }
    QVERIFY2(writing, "the packet finished (or stalled) before it could be killed");
    ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY(p.waitForFinished());

    // At most its part files: no packet, no manifest, no record.
    const QStringList left = entries(out);
    QVERIFY(!left.isEmpty());
    for (const QString &e : left) {
        QVERIFY2(QRegularExpression(QStringLiteral("^\\.{1,2}press\\.pdf\\.part-[0-9a-f]{8}"))
                     .match(e)
                     .hasMatch(),
                 qPrintable(e));
    }
    QCOMPARE(exportRows(), 0);

    // The next run removes them.
    QTest::qWait(1100); // the part files are older than the next run by their time stamps
    r = fo(QStringLiteral("packet"),
           {QStringLiteral("--as"), kMaria, QStringLiteral("--title"), QStringLiteral("T"),
            QStringLiteral("--story"), QStringLiteral("1"), QStringLiteral("--format"),
            QStringLiteral("pdf"), QStringLiteral("-o"), pdf});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(entries(out),
             (QStringList{QStringLiteral("manifest.json"), QStringLiteral("press.manifest.json"),
                          QStringLiteral("press.pdf")}));
    QVERIFY(runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf}).code == 0);
}

QTEST_GUILESS_MAIN(TestExportFaults)
#include "tst_export_faults.moc"
