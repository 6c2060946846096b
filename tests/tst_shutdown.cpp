#include "history/revisionrepository.h"
#include "library/database.h"
#include "libraryopentesting.h"
#include "people/personrepository.h"
#include "refusaltesting.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace fo;

namespace {

const QString kBody = QStringLiteral("First paragraph.\n");

} // namespace

/// The real window stopped from outside while someone types: a logout (SIGTERM) saves what was
/// typed; a kill -9 loses at most the last second of it; and when the library could not take
/// the text (another program held its write lock), the recovery journal brings it back at the
/// next start. The window types through its test hook (FIELDOFFICE_TEST_TYPE, app/main.cpp).
class TestShutdown : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sigtermSavesTypedText();
    void killLosesAtMostTheLastSecond();
    void journalBringsBackTextTheLibraryRefused();

private:
    /// Starts the window on the library, typing `text` into story 1 when `text` is set.
    void startWindow(QProcess &window, const QString &text, const QStringList &extra = {});
    /// Waits until the window printed "typed N" for at least `count` characters.
    bool waitTyped(QProcess &window, int count);
    QString body();

    std::unique_ptr<QTemporaryDir> mDir;
    QString mLibrary;
    QString mOutput;
};

void TestShutdown::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    mLibrary = mDir->filePath(QStringLiteral("stories.fieldoffice"));
    mOutput.clear();
    QString error;
    auto db = fo::testing::openLibrary(mLibrary, Database::OpenMode::CreateNew, &error);
    QVERIFY2(db, qPrintable(error));
    Story story;
    story.headline = QStringLiteral("Typed into");
    story.body = kBody;
    QVERIFY2(fo::testing::said(StoryWriter(*db).create(story), &error), qPrintable(error));
    QCOMPARE(story.id, qint64(1));
    // The window writes only as a person (issue 12 item 1): it starts as this one (--as).
    Person editor;
    editor.name = QStringLiteral("Grace Achieng");
    editor.roles = Role::Editor;
    QVERIFY2(fo::testing::said(PersonRepository(*db).add(editor, Person()), &error),
             qPrintable(error));
}

void TestShutdown::cleanup()
{
    mDir.reset();
}

void TestShutdown::startWindow(QProcess &window, const QString &text, const QStringList &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), mDir->filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), mDir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), mDir->filePath(QStringLiteral("data")));
    if (!text.isEmpty()) {
        env.insert(QStringLiteral("FIELDOFFICE_TEST_TYPE"), QStringLiteral("1:") + text);
    }
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(FO_BINARY),
                 QStringList{QStringLiteral("--library"), mLibrary, QStringLiteral("--as"),
                             QStringLiteral("Grace Achieng")} +
                     extra);
    QVERIFY(window.waitForStarted(10000));
}

bool TestShutdown::waitTyped(QProcess &window, int count)
{
    const QString wanted = QStringLiteral("typed %1\n").arg(count);
    QElapsedTimer clock;
    clock.start();
    while (!mOutput.contains(wanted) && clock.elapsed() < 30000 &&
           window.state() == QProcess::Running) {
        window.waitForReadyRead(200);
        mOutput += QString::fromUtf8(window.readAllStandardOutput());
    }
    return mOutput.contains(wanted);
}

QString TestShutdown::body()
{
    QString error;
    auto db = fo::testing::openLibrary(mLibrary, Database::OpenMode::MustExist, &error);
    return db ? StoryRepository(*db).get(1).value_or(Story()).body : error;
}

// Typed, and SIGTERM at once (long before an autosave): the text is in the library.
void TestShutdown::sigtermSavesTypedText()
{
    QProcess window;
    startWindow(window, QStringLiteral(" Logout"));
    QVERIFY2(waitTyped(window, 7), window.readAllStandardError().constData());
    ::kill(pid_t(window.processId()), SIGTERM);
    QVERIFY(window.waitForFinished(20000));
    QCOMPARE(window.exitStatus(), QProcess::NormalExit);
    QCOMPARE(window.exitCode(), 0);
    QCOMPARE(body(), QStringLiteral("First paragraph. Logout\n"));
}

// Typing goes on without a pause; a kill -9 1.5 s after a character was typed still finds that
// character in the library (saves come at most a second after the first unsaved change).
void TestShutdown::killLosesAtMostTheLastSecond()
{
    const QString text =
        QStringLiteral(" abcdefghijklmnopqrstuvwxyz0123456789 abcdefghijklmnopqrstu"
                       "vwxyz0123456789 abcdefghijklmnopqrstuvwxyz0123456789");
    QProcess window;
    startWindow(window, text);
    const int typed = 40; // two seconds of typing, still going on
    QVERIFY2(waitTyped(window, typed), window.readAllStandardError().constData());
    QTest::qWait(1500);
    QVERIFY(window.state() == QProcess::Running);
    window.kill();
    QVERIFY(window.waitForFinished(10000));
    const QString stored = body();
    QVERIFY2(stored.startsWith(QStringLiteral("First paragraph.") + text.left(typed)),
             qPrintable(stored));
}

// Another program holds the library's write lock the whole time: no save can work. The text
// typed meanwhile is in the recovery journal when the window is killed, and the next start
// writes it into the story and lets go of the journal.
void TestShutdown::journalBringsBackTextTheLibraryRefused()
{
    QString error;
    auto holder = fo::testing::openLibrary(mLibrary, Database::OpenMode::MustExist, &error);
    QVERIFY2(holder, qPrintable(error));
    QSqlQuery lock(holder->connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    QVERIFY(lock.exec(QStringLiteral("UPDATE stories SET byline = 'holding' WHERE id = 1")));

    QProcess window;
    startWindow(window, QStringLiteral(" Journal"));
    QVERIFY2(waitTyped(window, 8), window.readAllStandardError().constData());
    QTest::qWait(2500); // a save has failed by now, and the journal holds the text
    window.kill();
    QVERIFY(window.waitForFinished(10000));
    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    holder.reset();
    QCOMPARE(body(), kBody); // the library never took it
    const QDir recovery(mDir->filePath(QStringLiteral("data/fieldoffice/recovery")));
    QCOMPARE(recovery.entryList(QDir::Files).size(), 1);

    QProcess again;
    startWindow(again, QString(), {QStringLiteral("--quit-when-ready")});
    QVERIFY(again.waitForFinished(30000));
    QCOMPARE(again.exitCode(), 0);
    QCOMPARE(body(), QStringLiteral("First paragraph. Journal\n"));
    QCOMPARE(recovery.entryList(QDir::Files).size(), 0);
    auto db = fo::testing::openLibrary(mLibrary, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(RevisionRepository(*db).latest(1).value_or(Revision()).note,
             QStringLiteral("recovered unsaved changes"));
}

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
