#include "editortesting.h"
#include "refusaltesting.h"
#include "signin.h"

#include "history/revisionrepository.h"
#include "people/personrepository.h"
#include "stories/storyrepository.h"
#include "window/importactions.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace fo;
using namespace editortesting;

namespace {

constexpr int kCommandLineWriters = 3; // with the window: four writers
// Each acknowledged edit adds a tag of its own to story 1: stay under the 100 tags a story may
// hold.
constexpr int kEditsPerWriter = 25;
constexpr int kSeconds = 8;

/// One `fieldoffice edit` that exited 0: its tag and headline must survive.
struct AcknowledgedEdit
{
    QString tag;
    QString headline;
};

/// The library's -wal, if any descriptor of this process shows it as deleted: another program
/// deleted the write-ahead log under this live connection (GUIDE §2).
bool walDeletedUnderUs(const QString &library)
{
    const QString wal = QFileInfo(library).canonicalFilePath() + QStringLiteral("-wal");
    const QDir fds(QStringLiteral("/proc/self/fd"));
    const QStringList entries = fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files);
    for (const QString &fd : entries) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        if (target.startsWith(wal) && target.endsWith(QStringLiteral("(deleted)"))) {
            return true;
        }
    }
    return false;
}

} // namespace

/// Two programs on one library, as people use it: the window (typing, autosaving, importing
/// files on its worker thread with a connection of its own) while the real command line edits,
/// lists and exports the same story in loops. A window import followed by a command-line `list`
/// is how the library was corrupted before (issue 10, item 1). Nothing acknowledged is
/// lost or overwritten, nobody is refused for a lock, the write-ahead log stays, and the file
/// is intact.
class TestTwoPrograms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void windowAndCommandLineTogether();

private:
    void startEdit(int writer);
    void startReader();

    QTemporaryDir mDir;
    QString mLibrary;
    QElapsedTimer mClock;
    int mEditsStarted[kCommandLineWriters] = {};
    QVector<AcknowledgedEdit> mAcknowledged;
    QStringList mRefusals; // stderr of commands that did not exit 0
    int mReads = 0;
    int mRunning = 0;
};

void TestTwoPrograms::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiSettings().clear();
    QVERIFY(mDir.isValid());
}

void TestTwoPrograms::startEdit(int writer)
{
    if (mEditsStarted[writer] >= kEditsPerWriter || mClock.elapsed() > kSeconds * 1000) {
        return;
    }
    const int n = mEditsStarted[writer]++;
    const AcknowledgedEdit edit{QStringLiteral("cli%1-%2").arg(writer).arg(n),
                                QStringLiteral("Headline %1 from writer %2").arg(n).arg(writer)};
    auto *p = new QProcess(this);
    ++mRunning;
    connect(p, &QProcess::finished, this, [this, p, writer, edit](int code) {
        --mRunning;
        if (p->exitStatus() == QProcess::NormalExit && code == 0) {
            mAcknowledged << edit;
        } else {
            mRefusals << QString::fromUtf8(p->readAllStandardError()).trimmed();
        }
        p->deleteLater();
        startEdit(writer);
    });
    p->start(QStringLiteral(FO_BINARY),
             {QStringLiteral("edit"), QStringLiteral("--library"), mLibrary, QStringLiteral("--as"),
              QStringLiteral("Writer %1").arg(writer), QStringLiteral("1"),
              QStringLiteral("--headline"), edit.headline, QStringLiteral("--add-tag"), edit.tag});
}

void TestTwoPrograms::startReader()
{
    if (mClock.elapsed() > kSeconds * 1000) {
        return;
    }
    const bool list = mReads++ % 2 == 0;
    auto *p = new QProcess(this);
    ++mRunning;
    connect(p, &QProcess::finished, this, [this, p](int code) {
        --mRunning;
        if (p->exitStatus() != QProcess::NormalExit || code != 0) {
            mRefusals << QString::fromUtf8(p->readAllStandardError()).trimmed();
        }
        p->deleteLater();
        startReader();
    });
    p->start(QStringLiteral(FO_BINARY),
             list ? QStringList{QStringLiteral("list"), QStringLiteral("--library"), mLibrary,
                                QStringLiteral("--json")}
                  : QStringList{QStringLiteral("export"), QStringLiteral("--library"), mLibrary,
                                QStringLiteral("1"), QStringLiteral("--format"),
                                QStringLiteral("html"), QStringLiteral("--draft"),
                                QStringLiteral("-o"), mDir.filePath(QStringLiteral("out.html"))});
}

void TestTwoPrograms::windowAndCommandLineTogether()
{
    auto db = openLibrary(mDir);
    QVERIFY(db);
    mLibrary = db->path();
    const qint64 id = addStory(*db, QStringLiteral("Shared story"), QStringLiteral("Intro.\n"));
    QCOMPARE(id, qint64(1));
    addStory(*db, QStringLiteral("Another story"), QStringLiteral("Other.\n"));
    QString error;
    Person me;
    me.name = QStringLiteral("Window");
    me.roles = Role::Editor;
    QVERIFY2(fo::testing::said(PersonRepository(*db).add(me, Person()), &error), qPrintable(error));
    for (int w = 0; w < kCommandLineWriters; ++w) {
        Person writer;
        writer.name = QStringLiteral("Writer %1").arg(w);
        writer.roles = Role::Editor;
        QVERIFY2(fo::testing::said(PersonRepository(*db).add(writer, Person()), &error),
                 qPrintable(error));
    }

    MainWindow window(std::move(db));

    signIn(window);
    window.setCurrentPerson(me);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));

    mClock.start();
    for (int w = 0; w < kCommandLineWriters; ++w) {
        startEdit(w);
    }
    startReader();
    auto *imports = window.findChild<ImportActions *>();
    QVERIFY(imports);
    QStringList imported; // headlines of the window's imports that finished with a story
    QString importing;
    connect(imports, &ImportActions::storiesImported, this, [&](const QVector<qint64> &ids) {
        if (!ids.isEmpty()) {
            imported << importing;
        }
    });
    int importsStarted = 0;
    QStringList typed;
    bool walGone = false;
    while ((mRunning > 0 || typed.isEmpty() || imports->isRunning()) &&
           mClock.elapsed() < (kSeconds + 30) * 1000) {
        if (mClock.elapsed() < kSeconds * 1000 && !imports->isRunning() &&
            mClock.elapsed() > importsStarted * 1500) {
            importing = QStringLiteral("Imported in the window %1").arg(importsStarted);
            const QString file =
                mDir.filePath(QStringLiteral("import-%1.md").arg(importsStarted++));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QStringLiteral("---\nheadline: %1\ndateline: GULU, UGANDA\n---\nText %1.\n")
                          .arg(importing)
                          .toUtf8());
            out.close();
            if (!imports->importPaths({file})) {
                mRefusals << QStringLiteral("the window refused to import %1").arg(file);
            }
        }
        if (mClock.elapsed() < kSeconds * 1000 && typed.size() < 40) {
            const QString paragraph = QStringLiteral("Window paragraph %1.").arg(typed.size());
            QTextEdit *text = body(window);
            text->setFocus();
            text->moveCursor(QTextCursor::End);
            QTest::keyClick(text, Qt::Key_Return);
            QTest::keyClicks(text, paragraph);
            typed << paragraph;
        }
        QTest::qWait(150);
        walGone = walGone || !QFileInfo::exists(mLibrary + QStringLiteral("-wal")) ||
                  walDeletedUnderUs(mLibrary);
    }
    QCOMPARE(mRunning, 0);
    QVERIFY2(window.editor()->save(&error), qPrintable(error));
    QVERIFY(!walGone);
    QVERIFY2(mRefusals.isEmpty(), qPrintable(mRefusals.join(QLatin1Char('\n'))));
    QVERIFY(mAcknowledged.size() >= kCommandLineWriters);

    // Nothing acknowledged is lost or overwritten.
    const Story final = stored(window.database(), id);
    for (const QString &paragraph : std::as_const(typed)) {
        QVERIFY2(final.body.contains(paragraph),
                 qPrintable(paragraph + QStringLiteral(" in ") + final.body));
    }
    QVERIFY(!imported.isEmpty());
    for (const QString &headline : std::as_const(imported)) {
        StoryFilter filter;
        filter.search = QStringLiteral("\"%1\"").arg(headline);
        QCOMPARE(StoryRepository(window.database()).count(filter).value_or(-1), 1);
    }
    QStringList headlines;
    for (const AcknowledgedEdit &edit : std::as_const(mAcknowledged)) {
        QVERIFY2(final.tags.contains(edit.tag), qPrintable(edit.tag));
        headlines << edit.headline;
    }
    QVERIFY2(headlines.contains(final.headline), qPrintable(final.headline));
    // ... and each is in the history.
    const QVector<Revision> revisions =
        RevisionRepository(window.database()).forStory(id, true).value_or({});
    for (const AcknowledgedEdit &edit : std::as_const(mAcknowledged)) {
        const bool kept = std::any_of(revisions.cbegin(), revisions.cend(), [&](const Revision &r) {
            return r.story.tags.contains(edit.tag);
        });
        QVERIFY2(kept, qPrintable(edit.tag));
    }
    QSqlQuery check(window.database().connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    qInfo("%lld command-line edits, %d reads, %lld paragraphs typed, %lld window imports, %lld "
          "revisions",
          qint64(mAcknowledged.size()), mReads, qint64(typed.size()), qint64(imported.size()),
          qint64(revisions.size()));
}

QTEST_MAIN(TestTwoPrograms)
#include "tst_two_programs.moc"
