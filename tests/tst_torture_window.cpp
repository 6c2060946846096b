// kill -9 of the window while a typist types (issue 10): the real program, offscreen, typing
// through its test hook (FIELDOFFICE_TEST_TYPE, app/main.cpp), killed at a random moment.
//
// After every kill: the library passes integrity_check, everything that an earlier round saved
// is still there, and what this round saved is exactly a beginning of what was typed — never
// garbage, never out of order. How much of the typing was saved is reported, not asserted: it
// depends on the machine's load (the promise of "at most the last second" is checked with
// margins in tst_shutdown).

#include "processrun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

constexpr int kRounds = 20;
constexpr qint64 kTimeBudgetMs = 120000;
const QString kGrace = QStringLiteral("Grace Achieng");

/// One value of the library, read on a connection of the test's own, closed afterwards.
QString queryText(const QString &library, const QString &sql, qint64 id = 0)
{
    const QString name = QStringLiteral("torture-window-read");
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(library);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            if (id) {
                q.addBindValue(id);
            }
            if (q.exec() && q.next()) {
                value = q.value(0).toString();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

class TestTortureWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killNineWhileTyping();
};

void TestTortureWindow::killNineWhileTyping()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QProcessEnvironment base = fo::commandLineEnvironment(dir.path());
    const QString library = dir.filePath(QStringLiteral("typing.fieldoffice"));
    const fo::ToolRun demo =
        fo::runTool(QStringLiteral(FO_BINARY),
                    {QStringLiteral("demo"), QStringLiteral("--library"), library}, base);
    QVERIFY2(demo.code == 0, qPrintable(demo.err));
    // A draft story Grace may edit: the first one the demo keeps as a draft.
    const qint64 id = queryText(library, QStringLiteral("SELECT id FROM stories WHERE status = "
                                                        "'draft' ORDER BY id LIMIT 1"))
                          .toLongLong();
    QVERIFY(id > 0);

    const quint32 seed = qEnvironmentVariableIsSet("FO_TORTURE_SEED")
                             ? quint32(qEnvironmentVariableIntValue("FO_TORTURE_SEED"))
                             : QRandomGenerator::global()->generate();
    qDebug().noquote() << QStringLiteral("torture-window: seed %1").arg(seed);
    QRandomGenerator random(seed);

    QString saved = queryText(library, QStringLiteral("SELECT body FROM stories WHERE id = ?"), id);
    QVERIFY(!saved.isEmpty());
    QElapsedTimer clock;
    clock.start();
    int kills = 0;
    qint64 typedTotal = 0;
    qint64 savedTotal = 0;
    for (int round = 0; round < kRounds && clock.elapsed() < kTimeBudgetMs; ++round) {
        const QString text = QStringLiteral(" r%1-").arg(round) +
                             QStringLiteral("abcdefghijklmnopqrstuvwxyz").repeated(3);
        QProcessEnvironment env = base;
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("FIELDOFFICE_TEST_TYPE"),
                   QStringLiteral("%1:%2").arg(id).arg(text));
        QProcess window;
        window.setProcessEnvironment(env);
        window.start(QStringLiteral(FO_BINARY),
                     {QStringLiteral("--library"), library, QStringLiteral("--as"), kGrace});
        QVERIFY(window.waitForStarted(30000));
        // Kill at a random moment once typing has begun: mid-keystroke, mid-save, mid-wait.
        QByteArray out;
        while (!out.contains("typed 1\n") && window.state() == QProcess::Running &&
               window.waitForReadyRead(60000)) {
            out += window.readAllStandardOutput();
        }
        QVERIFY2(out.contains("typed 1\n"),
                 qPrintable(QString::fromUtf8(window.readAllStandardError())));
        if (round == 0) {
            // The first round ends with SIGTERM, which saves: from then on the body is as the
            // editor writes it, so later rounds can be compared character for character.
            QTest::qWait(1000);
            window.terminate();
            QVERIFY(window.waitForFinished(30000));
            saved = queryText(library, QStringLiteral("SELECT body FROM stories WHERE id = ?"), id);
            QVERIFY2(saved.contains(QStringLiteral(" r0-a")), qPrintable(saved));
            continue;
        }
        QTest::qWait(int(random.bounded(2500u)));
        window.kill();
        QVERIFY(window.waitForFinished(30000));
        out += window.readAllStandardOutput();
        ++kills;
        typedTotal += out.count("typed ");

        QCOMPARE(queryText(library, QStringLiteral("PRAGMA integrity_check")),
                 QStringLiteral("ok"));
        const QString now =
            queryText(library, QStringLiteral("SELECT body FROM stories WHERE id = ?"), id);
        // What earlier rounds saved is all there; the body is built at the end of the text, so
        // the Markdown may differ only in its trailing newline.
        const QString before = saved.endsWith(QLatin1Char('\n')) ? saved.chopped(1) : saved;
        QVERIFY2(now.startsWith(before),
                 qPrintable(QStringLiteral("round %1 lost earlier text:\n%2").arg(round).arg(now)));
        QString added = now.mid(before.size());
        if (added.endsWith(QLatin1Char('\n'))) {
            added.chop(1);
        }
        QVERIFY2(text.startsWith(added),
                 qPrintable(QStringLiteral("round %1 saved “%2”, not a beginning of “%3”")
                                .arg(round)
                                .arg(added, text)));
        savedTotal += added.size();
        saved = now;
    }
    qDebug().noquote() << QStringLiteral("torture-window: %1 kills in %2 s; %3 of %4 typed "
                                         "characters were saved")
                              .arg(kills)
                              .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
                              .arg(savedTotal)
                              .arg(typedTotal);
    QVERIFY(kills >= 5);
}

QTEST_GUILESS_MAIN(TestTortureWindow)
#include "tst_torture_window.moc"
