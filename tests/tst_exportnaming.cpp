// The export dialogs' defaults (issue 12 item 18): a file name cut at a word boundary (and never
// inside a Bengali or Tamil letter), the folder of the last export offered again, and an
// embargoed story named as such instead of "ready to send".

#include "common/outputpathfield.h"
#include "common/session.h"
#include "demo/demolibrary.h"
#include "export/packetbuilder.h"
#include "export/storydocument.h"
#include "library/database.h"
#include "libraryopentesting.h"
#include "output/embargonote.h"
#include "output/exportdialog.h"
#include "output/storyexportdialog.h"
#include "people/personrepository.h"
#include "refusaltesting.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBoundaryFinder>
#include <QtTest>

#include <memory>

using namespace fo;

class TestExportNaming : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fileNameEndsAtAWord_data();
    void fileNameEndsAtAWord();
    void longWordIsCutBetweenLetters();
    void lastExportFolderIsOfferedAgain();
    void embargoedStoryIsNotReadyToSend();
    void embargoNoteNamesTheLatestFutureEmbargo();

private:
    Person firstWith(Role role, const QString &except = QString());
    qint64 approvedStory();

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<Database> mDb;
    std::unique_ptr<Session> mSession;
};

void TestExportNaming::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestExportNaming::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    QString error;
    mDb = fo::testing::openLibrary(mDir->filePath(QStringLiteral("demo.fieldoffice")),
                                   Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(mDb, qPrintable(error));
    QVERIFY2(fo::testing::said(createDemoLibrary(*mDb), &error).value_or(-1) > 0,
             qPrintable(error));
    mSession = std::make_unique<Session>(*mDb);
    mSession->setPerson(firstWith(Role::Exporter));
    QVERIFY(mSession->person().has(Role::Exporter));
}

void TestExportNaming::cleanup()
{
    mSession.reset();
    mDb.reset();
    mDir.reset();
}

Person TestExportNaming::firstWith(Role role, const QString &except)
{
    for (const Person &p : PersonRepository(*mDb).all(false).value_or(QVector<Person>())) {
        if (p.has(role) && p.name != except) {
            return p;
        }
    }
    return Person();
}

qint64 TestExportNaming::approvedStory()
{
    PacketRequest r;
    r.status = StoryStatus::Approved;
    PacketBuilder builder(*mDb);
    if (const auto stories = builder.select(r)) {
        for (const Story &s : *stories) {
            if (builder.gate({s}).isEmpty()) {
                return s.id;
            }
        }
    }
    return 0;
}

void TestExportNaming::fileNameEndsAtAWord_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("name");
    QTest::newRow("short") << QStringLiteral("Press packet: Gulu, May")
                           << QStringLiteral("press-packet-gulu-may");
    // The demo headline that gave "…-near-ch.pdf".
    QTest::newRow("demo headline")
        << QStringLiteral("Inspection Frees 23 Bonded Labourers From Brick Kiln Near Chennai")
        << QStringLiteral("inspection-frees-23-bonded-labourers-from-brick-kiln-near");
    QTest::newRow("bengali")
        << QStringLiteral("পশ্চিমবঙ্গের গ্রামীণ মেলায় শিশু সুরক্ষা নিয়ে সচেতনতা কর্মসূচি সফলভাবে শেষ হলো")
        << QStringLiteral("পশ্চিমবঙ্গের-গ্রামীণ-মেলায়-শিশু-সুরক্ষা-নিয়ে-সচেতনতা");
    QTest::newRow("tamil") << QStringLiteral(
                                  "சென்னை அருகே உள்ள செங்கல் சூளைகளில் கொத்தடிமை முறை ஒழிப்பு நடவடிக்கை")
                           << QStringLiteral("சென்னை-அருகே-உள்ள-செங்கல்-சூளைகளில்-கொத்தடிமை-முறை-ஒழிப்பு");
    QTest::newRow("nothing to name") << QStringLiteral("!!!") << QStringLiteral("story");
}

void TestExportNaming::fileNameEndsAtAWord()
{
    QFETCH(QString, title);
    QFETCH(QString, name);
    const QString made = OutputPathField::fileNameFor(title, QStringLiteral("story"));
    QCOMPARE(made, name);
    QVERIFY(made.size() <= 60);
}

void TestExportNaming::longWordIsCutBetweenLetters()
{
    // One "word" longer than a name: cut where a letter ends, never after a virama (্), which
    // would leave half a conjunct.
    // Sixty code units in, the old cut fell between ষ and its vowel sign ি.
    const QString word = QStringLiteral("অ") + QStringLiteral("ক্ষিপ্র").repeated(12);
    const QString made = OutputPathField::fileNameFor(word, QStringLiteral("story"));
    QVERIFY(!made.isEmpty() && made.size() <= 60);
    QVERIFY(word.startsWith(made));
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, word);
    graphemes.setPosition(made.size());
    QVERIFY(graphemes.isAtBoundary());
    QVERIFY(made.back() != QChar(0x09CD));
}

void TestExportNaming::lastExportFolderIsOfferedAgain()
{
    const qint64 id = approvedStory();
    QVERIFY(id > 0);
    const QString folder = mDir->filePath(QStringLiteral("outbox"));
    QVERIFY(QDir().mkpath(folder));
    {
        StoryExportDialog dialog(*mSession, id);
        QVERIFY(!dialog.outputField()->path().startsWith(folder));
        dialog.outputField()->setPath(folder + QStringLiteral("/chosen.pdf"));
        QSignalSpy exported(&dialog, &StoryExportDialog::storyExported);
        QVERIFY(dialog.startExport());
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
    }
    // The next story export and the next packet start in that folder, with their own names.
    StoryExportDialog again(*mSession, id);
    QCOMPARE(QFileInfo(again.outputField()->path()).absolutePath(), folder);
    QVERIFY(again.outputField()->path() != folder + QStringLiteral("/chosen.pdf"));
    ExportDialog packet(*mSession, {id});
    QCOMPARE(QFileInfo(packet.outputField()->path()).absolutePath(), folder);
}

void TestExportNaming::embargoedStoryIsNotReadyToSend()
{
    // An approved story embargoed a month from now (set, then approved again: the embargo is
    // part of what an approval covers).
    const qint64 id = approvedStory();
    QVERIFY(id > 0);
    QString error;
    auto story = fo::testing::said(StoryRepository(*mDb).get(id), &error);
    QVERIFY2(story, qPrintable(error));
    const QDateTime embargo =
        QDateTime(QDateTime::currentDateTimeUtc().date().addDays(30), QTime(9, 0), Qt::UTC);
    story->embargoAt = embargo;
    StoryWriter writer(*mDb);
    QVERIFY2(fo::testing::said(writer.update(*story), &error), qPrintable(error));
    const Person editor = firstWith(Role::Editor);
    const Person reviewer = firstWith(Role::Reviewer, editor.name);
    QVERIFY2(
        fo::testing::said(writer.perform(id, WorkflowAction::Submit, editor, QString()), &error),
        qPrintable(error));
    QVERIFY2(
        fo::testing::said(writer.perform(id, WorkflowAction::Approve, reviewer, QString()), &error),
        qPrintable(error));

    StoryExportDialog dialog(*mSession, id);
    QVERIFY(!dialog.isDraft());
    dialog.outputField()->setPath(mDir->filePath(QStringLiteral("s.pdf")));
    const QLabel *note = dialog.findChild<QLabel *>(QStringLiteral("storyExportNote"));
    QVERIFY(note);
    QVERIFY2(!note->text().contains(QStringLiteral("ready to send")), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QStringLiteral("embargoed until ") + formatEmbargo(embargo)),
             qPrintable(note->text()));

    ExportDialog packet(*mSession, {id});
    QVERIFY2(packet.gateSummary() ==
                 QStringLiteral("1 story ready; the packet is embargoed until ") +
                     formatEmbargo(embargo),
             qPrintable(packet.gateSummary()));
}

void TestExportNaming::embargoNoteNamesTheLatestFutureEmbargo()
{
    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    Story past;
    past.embargoAt = now.addDays(-1);
    Story soon;
    soon.embargoAt = now.addDays(2);
    Story later;
    later.embargoAt = QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);
    QCOMPARE(embargoNote({past, Story()}, now), QString());
    QCOMPARE(embargoNote({soon, later, past}, now),
             QStringLiteral("embargoed until ") + formatEmbargo(later.embargoAt));
    QVERIFY(formatEmbargo(later.embargoAt).contains(QStringLiteral("UTC")));
}

QTEST_MAIN(TestExportNaming)
#include "tst_exportnaming.moc"
