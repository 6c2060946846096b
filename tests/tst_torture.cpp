// kill -9 torture: the real program is killed, hundreds of times, in the middle of editing,
// importing, reviewing, building packets, exporting and backing up. After every kill the library
// must pass SQLite's integrity_check, every edit that was acknowledged (exit 0) must be there and
// every edit must be whole (its headline and body from the same edit), every file written must be
// absent or complete, and the next successful run of a command must leave no temporary files.
//
// Kill delays are drawn from 0 to the median duration of each command, measured at the start, so
// that kills land mid-work on a fast build and under AddressSanitizer alike. The loop stops after
// kTargetKills kills or kTimeBudgetMs, whichever comes first. FO_TORTURE_SEED replays a run.

#include "library/libraryhealth.h"
#include "messages/refusaltext.h"
#include "processrun.h"
#include "torturechecks.h"
#include "torturelibrary.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

namespace {

constexpr int kTargetKills = 200;
constexpr qint64 kTimeBudgetMs = 150 * 1000;
constexpr int kCalibrationRuns = 3;

const QString kGrace = QStringLiteral("Grace Achieng");
const QString kRahul = QStringLiteral("Rahul Sen");
const QString kMaria = QStringLiteral("Maria Santos");

enum class Kind
{
    Edit,
    Import,
    Review,
    PacketPdf,
    PacketHtml,
    ExportPdf,
    ExportHtml,
    Backup
};

QString kindName(Kind kind)
{
    static const QStringList names{QStringLiteral("edit"),        QStringLiteral("import"),
                                   QStringLiteral("review"),      QStringLiteral("packet-pdf"),
                                   QStringLiteral("packet-html"), QStringLiteral("export-pdf"),
                                   QStringLiteral("export-html"), QStringLiteral("backup")};
    return names.at(int(kind));
}

struct KindStats
{
    QVector<qint64> calibrationMs;
    qint64 medianMs = 0;
    int runs = 0;
    int kills = 0;     // killed while still running
    int completed = 0; // exited by itself with 0
};

struct Outcome
{
    bool killed = false;
    int code = -1; // exit code when it was not killed; -1 when it crashed
    QString err;
};

} // namespace

class TestTorture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void killNineDuringWork();

private:
    void setUpFiles();
    QStringList commandFor(Kind kind);
    QStringList editCommand();
    QStringList reviewCommand();
    Outcome runCommand(const QStringList &args, qint64 killAfterMs, qint64 *elapsedMs);
    void recordOutcome(Kind kind, const Outcome &outcome);
    QString checkOutputs(Kind kind) const;
    void checkLeftovers(Kind kind);
    QString outputFolder(Kind kind) const;
    QString run(Kind kind, qint64 killAfterMs, qint64 *elapsedMs);
    void chooseStories();
    void report(qint64 elapsedMs, bool timeUp) const;

    std::unique_ptr<QTemporaryDir> mDir;
    QString mLib;
    QProcessEnvironment mEnv;
    QRandomGenerator mRandom;
    QVector<Kind> mKinds;
    QHash<int, KindStats> mStats;
    QHash<int, QSet<QString>> mBaseline; // output folder entries after the first success

    torture::LibraryExpectations mExpect;
    int mEditCounter = 0;
    int mPendingStory = 0; // the edit or review step running now
    int mPendingEdit = 0;
    QString mReviewResult;

    QMap<QString, QSet<QString>> mLeftovers; // folder → temporary names found there
};

void TestTorture::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    QVERIFY2(QFile::exists(QStringLiteral(FO_BINARY)), FO_BINARY);
    mEnv = fo::commandLineEnvironment(mDir->path());
    QVERIFY(QDir(mDir->path()).mkpath(QStringLiteral("lib")));
    mLib = mDir->filePath(QStringLiteral("lib/torture.fieldoffice"));
    const fo::ToolRun demo =
        fo::runTool(QStringLiteral(FO_BINARY),
                    {QStringLiteral("demo"), QStringLiteral("--library"), mLib}, mEnv);
    QVERIFY2(demo.code == 0, qPrintable(demo.err));
    setUpFiles();
}

void TestTorture::cleanup()
{
    mDir.reset();
}

void TestTorture::setUpFiles()
{
    QDir root(mDir->path());
    for (const QString &folder :
         {QStringLiteral("import"), QStringLiteral("out/packet-pdf"),
          QStringLiteral("out/packet-html"), QStringLiteral("out/export-pdf"),
          QStringLiteral("out/export-html"), QStringLiteral("out/backup")}) {
        QVERIFY(root.mkpath(folder));
    }
    QFile a(root.filePath(QStringLiteral("import/a.md")));
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.write("# Torture import A\n\nGULU, UGANDA \xe2\x80\x93 One story from a Markdown file.\n");
    a.close();
    QFile b(root.filePath(QStringLiteral("import/b.txt")));
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("Torture import B one\n\nKOLKATA, INDIA \xe2\x80\x93 The first of two stories.\n\n"
            "Torture import B two\n\nCHENNAI, INDIA \xe2\x80\x93 The second of two stories.\n");
    b.close();
}

QString TestTorture::outputFolder(Kind kind) const
{
    switch (kind) {
    case Kind::PacketPdf:
    case Kind::PacketHtml:
    case Kind::ExportPdf:
    case Kind::ExportHtml:
    case Kind::Backup:
        return mDir->filePath(QStringLiteral("out/") + kindName(kind));
    default:
        return mDir->filePath(QStringLiteral("lib"));
    }
}

QStringList TestTorture::commandFor(Kind kind)
{
    const QStringList lib{QStringLiteral("--library"), mLib};
    const QString out = outputFolder(kind);
    const QStringList packet{QStringLiteral("packet"),
                             QStringLiteral("--library"),
                             mLib,
                             QStringLiteral("--as"),
                             kMaria,
                             QStringLiteral("--title"),
                             QStringLiteral("Torture"),
                             QStringLiteral("--story"),
                             QStringLiteral("11"),
                             QStringLiteral("--story"),
                             QStringLiteral("12"),
                             QStringLiteral("--allow-unapproved"),
                             QStringLiteral("--format")};
    switch (kind) {
    case Kind::Edit:
        return editCommand();
    case Kind::Import:
        return QStringList{QStringLiteral("import")} + lib +
               QStringList{QStringLiteral("--as"), kGrace,
                           mDir->filePath(QStringLiteral("import"))};
    case Kind::Review:
        return reviewCommand();
    case Kind::PacketPdf:
        return packet + QStringList{QStringLiteral("pdf"), QStringLiteral("-o"),
                                    QDir(out).filePath(QStringLiteral("packet.pdf"))};
    case Kind::PacketHtml:
        return packet + QStringList{QStringLiteral("html"), QStringLiteral("-o"),
                                    QDir(out).filePath(QStringLiteral("packet"))};
    case Kind::ExportPdf:
    case Kind::ExportHtml: {
        const bool pdf = kind == Kind::ExportPdf;
        return QStringList{QStringLiteral("export")} + lib +
               QStringList{QStringLiteral("13"), QStringLiteral("--format"),
                           pdf ? QStringLiteral("pdf") : QStringLiteral("html"),
                           QStringLiteral("-o"),
                           QDir(out).filePath(pdf ? QStringLiteral("story.pdf")
                                                  : QStringLiteral("story.html"))};
    }
    case Kind::Backup:
        return QStringList{QStringLiteral("backup")} + lib +
               QStringList{QStringLiteral("--force"), QStringLiteral("-o"),
                           QDir(out).filePath(QStringLiteral("backup.fieldoffice"))};
    }
    return {};
}

QStringList TestTorture::editCommand()
{
    mPendingStory = mExpect.editStories.at(int(mRandom.bounded(mExpect.editStories.size())));
    mPendingEdit = ++mEditCounter;
    const QString bodyPath = mDir->filePath(QStringLiteral("body.md"));
    QFile body(bodyPath);
    if (!body.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    body.write((torture::editBodyMark(mPendingStory, mPendingEdit) +
                QStringLiteral("first paragraph.\n\nAnd a second paragraph.\n"))
                   .toUtf8());
    body.close();
    return {QStringLiteral("edit"),
            QStringLiteral("--library"),
            mLib,
            QStringLiteral("--as"),
            kGrace,
            QString::number(mPendingStory),
            QStringLiteral("--headline"),
            torture::editHeadline(mPendingStory, mPendingEdit),
            QStringLiteral("--body-file"),
            bodyPath};
}

/// The next step of the cycle Draft → In review → Approved → Archived → Draft, from the status
/// the library held at the last check.
QStringList TestTorture::reviewCommand()
{
    mPendingStory = mExpect.reviewStories.at(int(mRandom.bounded(mExpect.reviewStories.size())));
    const QString status = mExpect.status(mPendingStory);
    QString action = QStringLiteral("--submit");
    QString who = kGrace;
    mReviewResult = QStringLiteral("in-review");
    if (status == QLatin1String("in-review")) {
        action = QStringLiteral("--approve");
        who = kRahul;
        mReviewResult = QStringLiteral("approved");
    } else if (status == QLatin1String("approved") || status == QLatin1String("released")) {
        action = QStringLiteral("--archive");
        mReviewResult = QStringLiteral("archived");
    } else if (status == QLatin1String("archived")) {
        action = QStringLiteral("--reopen");
        mReviewResult = QStringLiteral("draft");
    }
    return {QStringLiteral("review"),
            QStringLiteral("--library"),
            mLib,
            QStringLiteral("--as"),
            who,
            action,
            QString::number(mPendingStory)};
}

void TestTorture::recordOutcome(Kind kind, const Outcome &outcome)
{
    const bool acked = !outcome.killed && outcome.code == 0;
    if (kind == Kind::Edit)
        mExpect.editRan(mPendingStory, mPendingEdit, acked);
    else if (kind == Kind::Import)
        mExpect.importRan(acked);
    else if (kind == Kind::Review)
        mExpect.reviewRan(mPendingStory, mReviewResult, acked);
}

Outcome TestTorture::runCommand(const QStringList &args, qint64 killAfterMs, qint64 *elapsedMs)
{
    QProcess process;
    process.setProcessEnvironment(mEnv);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(FO_BINARY), args);
    Outcome outcome;
    const int wait = killAfterMs < 0 ? 120000 : int(killAfterMs);
    if (!process.waitForFinished(wait) && process.state() != QProcess::NotRunning) {
        process.kill(); // SIGKILL; a run left to finish only gets it when it hangs
        outcome.killed = killAfterMs >= 0;
        process.waitForFinished(30000);
    }
    *elapsedMs = timer.elapsed();
    outcome.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (!outcome.killed)
        outcome.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return outcome;
}

/// Every file a command writes is absent or whole, whatever moment it was killed at.
QString TestTorture::checkOutputs(Kind kind) const
{
    const QDir out(outputFolder(kind));
    QStringList problems;
    switch (kind) {
    case Kind::PacketPdf:
        problems << torture::checkPdfFile(out.filePath(QStringLiteral("packet.pdf")))
                 << torture::checkJsonFile(out.filePath(QStringLiteral("manifest.json")))
                 << torture::checkJsonFile(out.filePath(QStringLiteral("packet.manifest.json")));
        break;
    case Kind::PacketHtml: {
        const QDir packet(out.filePath(QStringLiteral("packet")));
        if (packet.exists()) {
            problems << (packet.exists(QStringLiteral("index.html"))
                             ? torture::checkHtmlFile(packet.filePath(QStringLiteral("index.html")))
                             : QStringLiteral("the packet folder has no index.html"));
            problems << torture::checkJsonFile(packet.filePath(QStringLiteral("manifest.json")));
            for (const QString &page : packet.entryList({QStringLiteral("*.html")}, QDir::Files))
                problems << torture::checkHtmlFile(packet.filePath(page));
        }
        break;
    }
    case Kind::ExportPdf:
        problems << torture::checkPdfFile(out.filePath(QStringLiteral("story.pdf")));
        break;
    case Kind::ExportHtml:
        problems << torture::checkHtmlFile(out.filePath(QStringLiteral("story.html")));
        break;
    case Kind::Backup: {
        const QString backup = out.filePath(QStringLiteral("backup.fieldoffice"));
        if (QFile::exists(backup)) {
            const fo::HealthReport health = fo::checkLibraryHealth(backup, fo::HealthCheck::Full);
            if (!health.isHealthy())
                problems << QStringLiteral("the backup fails its check: ") +
                                fo::storageReasonText(health.refusal) +
                                health.problems.join(QStringLiteral("; "));
        }
        break;
    }
    default:
        break;
    }
    problems.removeAll(QString());
    return problems.join(QStringLiteral("; "));
}

/// After a run that succeeded, the command's folder holds what it held after the first success
/// and nothing else: no temporary file or folder of an earlier, killed run is left behind.
void TestTorture::checkLeftovers(Kind kind)
{
    const QDir::Filters all = QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;
    const QString folder = outputFolder(kind);
    QStringList entries = QDir(folder).entryList(all);
    if (kind == Kind::PacketHtml) {
        for (const QString &name : QDir(folder + QStringLiteral("/packet")).entryList(all))
            entries << QStringLiteral("packet/") + name;
    }
    QSet<QString> now(entries.cbegin(), entries.cend());
    if (folder == mDir->filePath(QStringLiteral("lib"))) {
        // The library's own companions come and go with its connections.
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            now.remove(QStringLiteral("torture.fieldoffice") + QLatin1String(suffix));
    }
    if (!mBaseline.contains(int(kind)))
        mBaseline.insert(int(kind), now);
    else
        mLeftovers[folder] += now - mBaseline.value(int(kind));
}

/// One run of a command, killed after `killAfterMs` (or left to finish when negative), and
/// every check after it. Returns the first problem found.
QString TestTorture::run(Kind kind, qint64 killAfterMs, qint64 *elapsedMs)
{
    const QStringList args = commandFor(kind);
    if (args.isEmpty())
        return QStringLiteral("cannot prepare the %1 command").arg(kindName(kind));
    const Outcome outcome = runCommand(args, killAfterMs, elapsedMs);
    KindStats &stats = mStats[int(kind)];
    ++stats.runs;
    stats.kills += outcome.killed ? 1 : 0;
    recordOutcome(kind, outcome);
    if (!outcome.killed && outcome.code != 0) {
        return QStringLiteral("%1 (not killed) exited with %2: %3")
            .arg(args.join(QLatin1Char(' ')))
            .arg(outcome.code)
            .arg(outcome.err);
    }
    QString problem = mExpect.check(mLib);
    if (problem.isEmpty())
        problem = checkOutputs(kind);
    if (problem.isEmpty() && !outcome.killed) {
        ++stats.completed;
        // Left-behind files are collected, not fatal at once: the run goes on to find the rest.
        checkLeftovers(kind);
    }
    if (!problem.isEmpty()) {
        problem = QStringLiteral("after %1 %2: %3")
                      .arg(outcome.killed ? QStringLiteral("killing") : QStringLiteral("running"),
                           kindName(kind), problem);
    }
    return problem;
}

/// Stories for edits and for reviews, disjoint, and apart from the packet's (11, 12) and the
/// export's (13): the first demo stories an edit is accepted for, the rest for reviews.
void TestTorture::chooseStories()
{
    QVector<int> chosen;
    for (int id = 1; id <= 10 && chosen.size() < 3; ++id) {
        mExpect.editStories = {id}; // so that the edit goes to this story
        qint64 ms = 0;
        if (run(Kind::Edit, -1, &ms).isEmpty() && mExpect.hasAckedEdit(id))
            chosen << id;
    }
    mExpect.editStories = chosen;
    mStats[int(Kind::Edit)] = KindStats();
    for (int id = 1; id <= 10 && mExpect.reviewStories.size() < 3; ++id) {
        if (!chosen.contains(id))
            mExpect.reviewStories << id;
    }
}

void TestTorture::report(qint64 elapsedMs, bool timeUp) const
{
    int kills = 0;
    for (const Kind kind : mKinds) {
        const KindStats &s = mStats.value(int(kind));
        kills += s.kills;
        qDebug().noquote() << QStringLiteral("torture: %1: %2 runs, %3 killed, %4 completed; "
                                             "median %5 ms")
                                  .arg(kindName(kind), -11)
                                  .arg(s.runs)
                                  .arg(s.kills)
                                  .arg(s.completed)
                                  .arg(s.medianMs);
    }
    qDebug().noquote() << QStringLiteral("torture: %1 kills in %2 s%3")
                              .arg(kills)
                              .arg(double(elapsedMs) / 1000.0, 0, 'f', 1)
                              .arg(timeUp ? QStringLiteral(" (stopped by the time budget)")
                                          : QString());
}

void TestTorture::killNineDuringWork()
{
    const quint32 seed = qEnvironmentVariableIsSet("FO_TORTURE_SEED")
                             ? quint32(qEnvironmentVariableIntValue("FO_TORTURE_SEED"))
                             : QRandomGenerator::global()->generate();
    qDebug().noquote() << QStringLiteral("torture: seed %1 (FO_TORTURE_SEED replays it)").arg(seed);
    mRandom.seed(seed);
    mKinds = {Kind::Edit,       Kind::Import,    Kind::Review,     Kind::PacketPdf,
              Kind::PacketHtml, Kind::ExportPdf, Kind::ExportHtml, Kind::Backup};

    chooseStories();
    QVERIFY2(mExpect.editStories.size() == 3, "no three demo stories accept an edit");
    // Each command a few times to the end: acknowledged work, and the durations kills are drawn
    // from.
    for (const Kind kind : mKinds) {
        KindStats &stats = mStats[int(kind)];
        for (int i = 0; i < kCalibrationRuns; ++i) {
            qint64 ms = 0;
            const QString problem = run(kind, -1, &ms);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            stats.calibrationMs << ms;
        }
        std::sort(stats.calibrationMs.begin(), stats.calibrationMs.end());
        stats.medianMs = stats.calibrationMs.at(kCalibrationRuns / 2);
    }

    QElapsedTimer timer;
    timer.start();
    int kills = 0;
    for (int i = 0;
         i < 20 * kTargetKills && kills < kTargetKills && timer.elapsed() < kTimeBudgetMs; ++i) {
        const Kind kind = mKinds.at(int(mRandom.bounded(mKinds.size())));
        // One run in six is left to finish: the acknowledged edits and the cleanup after kills.
        const qint64 delay = mRandom.bounded(6) == 0
                                 ? -1
                                 : qint64(mRandom.bounded(quint32(mStats[int(kind)].medianMs + 1)));
        const int before = mStats[int(kind)].kills;
        qint64 ms = 0;
        const QString problem = run(kind, delay, &ms);
        kills += mStats[int(kind)].kills - before;
        if (!problem.isEmpty()) {
            report(timer.elapsed(), false);
            QFAIL(qPrintable(problem));
        }
    }
    const bool timeUp = kills < kTargetKills;
    report(timer.elapsed(), timeUp);
    // Under a sanitizer the programs are several times slower; the time budget then ends the run
    // early, but never before a meaningful number of kills.
    QVERIFY2(kills >= kTargetKills / 4, qPrintable(QStringLiteral("only %1 kills").arg(kills)));
    QStringList leftovers;
    for (auto it = mLeftovers.cbegin(); it != mLeftovers.cend(); ++it) {
        QStringList names(it.value().cbegin(), it.value().cend());
        names.sort();
        if (!names.isEmpty())
            leftovers << it.key() + QStringLiteral(": ") + names.join(QStringLiteral(", "));
    }
    QVERIFY2(leftovers.isEmpty(), qPrintable(QStringLiteral("temporary files of killed runs stayed "
                                                            "after the next successful run in ") +
                                             leftovers.join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(TestTorture)
#include "tst_torture.moc"
