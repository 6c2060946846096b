// Several programs writing one library at once, each a different story: every edit waits its
// turn (BEGIN IMMEDIATE and the busy timeout) and none is refused with "database is locked".

#include "processrun.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <vector>

using namespace fo;

class TestConcurrentWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fourWritersOnDifferentStories();
};

void TestConcurrentWriters::fourWritersOnDifferentStories()
{
    constexpr int kWriters = 4;
    constexpr int kEditsEach = 25;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString library = dir.filePath(QStringLiteral("shared.fieldoffice"));
    const QProcessEnvironment env = commandLineEnvironment(dir.path());
    const ToolRun demo =
        runTool(QStringLiteral(FO_BINARY),
                {QStringLiteral("demo"), QStringLiteral("--library"), library}, env);
    QVERIFY2(demo.code == 0, qPrintable(demo.err));

    // Each writer is a shell loop running the real program once per edit, as a script would;
    // a refusal is reported on stderr as the program's own line plus "FAILED".
    const QString script = QStringLiteral("i=1; while [ $i -le %1 ]; do "
                                          "\"$0\" edit --library \"$1\" --as 'Grace Achieng' "
                                          "--summary \"writer $2 edit $i\" \"$2\" "
                                          ">/dev/null || echo FAILED >&2; i=$((i+1)); done")
                               .arg(kEditsEach);
    std::vector<std::unique_ptr<QProcess>> writers;
    for (int w = 0; w < kWriters; ++w) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->start(QStringLiteral("sh"), {QStringLiteral("-c"), script, QStringLiteral(FO_BINARY),
                                        library, QString::number(w + 1)});
        QVERIFY(p->waitForStarted());
        writers.push_back(std::move(p));
    }
    QElapsedTimer clock;
    clock.start();
    QString errors;
    for (auto &p : writers) {
        // Bounded: a writer that hangs is killed and counts as a failure.
        const qint64 left = qMax<qint64>(1000, 240000 - clock.elapsed());
        if (!p->waitForFinished(int(left))) {
            p->kill();
            p->waitForFinished();
            errors += QStringLiteral("a writer did not finish\n");
        }
        errors += QString::fromUtf8(p->readAllStandardError());
    }
    const int failed = int(errors.count(QStringLiteral("FAILED")));
    const int locked =
        int(errors.count(QStringLiteral("locked"))) + int(errors.count(QStringLiteral("busy")));
    QVERIFY2(failed == 0 && locked == 0,
             qPrintable(QStringLiteral("%1 of %2 edits refused (%3 busy):\n%4")
                            .arg(failed)
                            .arg(kWriters * kEditsEach)
                            .arg(locked)
                            .arg(errors.left(2000))));

    // Every writer's last edit is there.
    for (int w = 1; w <= kWriters; ++w) {
        const ToolRun show = runTool(
            QStringLiteral(FO_BINARY),
            {QStringLiteral("show"), QStringLiteral("--library"), library, QString::number(w)},
            env);
        QVERIFY2(show.out.contains(QStringLiteral("writer %1 edit %2").arg(w).arg(kEditsEach)),
                 qPrintable(show.out));
    }
}

QTEST_GUILESS_MAIN(TestConcurrentWriters)
#include "tst_concurrent_writers.moc"
