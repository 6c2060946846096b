#include "domain/storymerge.h"
#include "history/revisionrepository.h"
#include "library/database.h"
#include "libraryopentesting.h"
#include "refusaltesting.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fo;

Q_DECLARE_METATYPE(fo::Story)

namespace {

Story baseStory()
{
    Story s;
    s.id = 7;
    s.headline = QStringLiteral("Court clerks digitise case files");
    s.datelineCity = QStringLiteral("GULU");
    s.datelineCountry = QStringLiteral("UGANDA");
    s.officeName = QStringLiteral("Gulu");
    s.byline = QStringLiteral("Field Office Communications");
    s.summary = QStringLiteral("Volunteers sorted decades of records.");
    s.body = QStringLiteral("First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n");
    s.tags = {QStringLiteral("topic/justice-system"), QStringLiteral("office/gulu")};
    return s;
}

QString joinFields(const QVector<FieldConflict> &conflicts)
{
    QStringList names;
    for (const FieldConflict &c : conflicts) {
        names << storyFieldName(c.field);
    }
    return names.join(QLatin1Char(','));
}

} // namespace

/// Three-way merge of two changes to one story (storymerge.h), and a save with a base through
/// the repository: what someone else saved meanwhile is merged, or kept as a conflict, never
/// overwritten.
class TestMerge : public QObject
{
    Q_OBJECT

private slots:
    void mergesStories_data();
    void mergesStories();
    void mergesParagraphs_data();
    void mergesParagraphs();
    void saveWithStaleBaseKeepsTheirChange();
    void conflictKeepsBothInTheHistory();
};

void TestMerge::mergesStories_data()
{
    QTest::addColumn<Story>("mine");
    QTest::addColumn<Story>("theirs");
    QTest::addColumn<Story>("expected");
    QTest::addColumn<QString>("conflicts");

    const Story base = baseStory();
    {
        Story mine = base;
        mine.summary = QStringLiteral("Mine.");
        QTest::newRow("only mine changed") << mine << base << mine << QString();
    }
    {
        Story theirs = base;
        theirs.headline = QStringLiteral("Theirs");
        QTest::newRow("only theirs changed") << base << theirs << theirs << QString();
    }
    {
        Story mine = base;
        mine.body = QStringLiteral("First paragraph.\n\nSecond paragraph, longer.\n\nThird "
                                   "paragraph.\n");
        Story theirs = base;
        theirs.headline = QStringLiteral("A headline from the command line");
        Story expected = theirs;
        expected.body = mine.body;
        QTest::newRow("different fields") << mine << theirs << expected << QString();
    }
    {
        Story mine = base;
        mine.headline = QStringLiteral("Mine");
        Story theirs = base;
        theirs.headline = QStringLiteral("Theirs");
        QTest::newRow("same field, differently")
            << mine << theirs << mine << QStringLiteral("headline");
    }
    {
        Story mine = base;
        mine.byline = QStringLiteral("Both");
        Story theirs = mine;
        QTest::newRow("same field, same value") << mine << theirs << mine << QString();
    }
    {
        Story mine = base;
        mine.officeName = QStringLiteral("gulu"); // the same office, typed in lower case
        Story theirs = base;
        theirs.officeName = QStringLiteral("Kampala");
        QTest::newRow("office case is no change") << mine << theirs << theirs << QString();
    }
    {
        Story mine = base;
        mine.embargoAt = QDateTime(QDate(2026, 12, 10), QTime(9, 0), Qt::UTC);
        Story theirs = base;
        theirs.embargoAt = QDateTime(QDate(2026, 12, 11), QTime(9, 0), Qt::UTC);
        QTest::newRow("embargo both") << mine << theirs << mine << QStringLiteral("embargo");
    }
    {
        Story mine = base;
        mine.tags = {QStringLiteral("office/gulu"), QStringLiteral("type/court")};
        Story theirs = base;
        theirs.tags = {QStringLiteral("topic/justice-system"), QStringLiteral("office/gulu"),
                       QStringLiteral("topic/land")};
        Story expected = base;
        expected.tags = {QStringLiteral("office/gulu"), QStringLiteral("topic/land"),
                         QStringLiteral("type/court")};
        QTest::newRow("tags as a set") << mine << theirs << expected << QString();
    }
    {
        Story mine = base;
        mine.body = QStringLiteral("First paragraph, mine.\n\nSecond paragraph.\n\nThird "
                                   "paragraph.\n");
        Story theirs = base;
        theirs.body = QStringLiteral("First paragraph.\n\nSecond paragraph.\n\nThird paragraph, "
                                     "theirs.\n");
        Story expected = base;
        expected.body = QStringLiteral("First paragraph, mine.\n\nSecond paragraph.\n\nThird "
                                       "paragraph, theirs.\n");
        QTest::newRow("body, different paragraphs") << mine << theirs << expected << QString();
    }
    {
        Story mine = base;
        mine.body = QStringLiteral("First paragraph.\n\nSecond, mine.\n\nThird paragraph.\n");
        Story theirs = base;
        theirs.body = QStringLiteral("First paragraph.\n\nSecond, theirs.\n\nThird paragraph.\n");
        theirs.summary = QStringLiteral("Their summary.");
        Story expected = mine;
        expected.summary = theirs.summary;
        QTest::newRow("body, same paragraph")
            << mine << theirs << expected << QStringLiteral("text");
    }
}

void TestMerge::mergesStories()
{
    QFETCH(Story, mine);
    QFETCH(Story, theirs);
    QFETCH(Story, expected);
    QFETCH(QString, conflicts);
    const StoryMerge merge = mergeStory(baseStory(), mine, theirs);
    QCOMPARE(joinFields(merge.conflicts), conflicts);
    QVERIFY2(sameEditableContent(merge.merged, expected), qPrintable(merge.merged.body));
    QCOMPARE(merge.merged.headline, expected.headline);
    QCOMPARE(merge.merged.body, expected.body);
    // And the other way round: what both sides changed differently keeps the other side.
    const StoryMerge reverse = mergeStory(baseStory(), theirs, mine);
    QCOMPARE(joinFields(reverse.conflicts), conflicts);
    for (const FieldConflict &c : merge.conflicts) {
        QCOMPARE(storyFieldText(theirs, c.field), c.theirs);
    }
}

void TestMerge::mergesParagraphs_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("mine");
    QTest::addColumn<QString>("theirs");
    QTest::addColumn<QString>("merged");
    QTest::addColumn<bool>("conflict");

    QTest::newRow("mine appends, theirs edits the first")
        << QStringLiteral("A\n\nB\n") << QStringLiteral("A\n\nB\n\nC\n")
        << QStringLiteral("A2\n\nB\n") << QStringLiteral("A2\n\nB\n\nC\n") << false;
    QTest::newRow("mine deletes, theirs inserts elsewhere")
        << QStringLiteral("A\n\nB\n\nC\n") << QStringLiteral("A\n\nC\n")
        << QStringLiteral("A\n\nB\n\nC\n\nD\n") << QStringLiteral("A\n\nC\n\nD\n") << false;
    QTest::newRow("both insert at the same place")
        << QStringLiteral("A\n\nC\n") << QStringLiteral("A\n\nB1\n\nC\n")
        << QStringLiteral("A\n\nB2\n\nC\n") << QStringLiteral("A\n\nB1\n\nC\n") << true;
    QTest::newRow("same change on both sides")
        << QStringLiteral("A\n\nB\n") << QStringLiteral("A\n\nB!\n") << QStringLiteral("A\n\nB!\n")
        << QStringLiteral("A\n\nB!\n") << false;
    QTest::newRow("lists stay one block")
        << QStringLiteral("Intro\n\n- one\n- two\n\nEnd\n")
        << QStringLiteral("Intro, mine\n\n- one\n- two\n\nEnd\n")
        << QStringLiteral("Intro\n\n- one\n- two\n- three\n\nEnd\n")
        << QStringLiteral("Intro, mine\n\n- one\n- two\n- three\n\nEnd\n") << false;
}

void TestMerge::mergesParagraphs()
{
    QFETCH(QString, base);
    QFETCH(QString, mine);
    QFETCH(QString, theirs);
    QFETCH(QString, merged);
    QFETCH(bool, conflict);
    const TextMerge result = mergeParagraphs(base, mine, theirs);
    QCOMPARE(result.text, merged);
    QCOMPARE(result.conflict, conflict);
}

// The command line changed the headline while the window held the story; the window saves its
// text against the story as it had read it: both changes are in the library.
void TestMerge::saveWithStaleBaseKeepsTheirChange()
{
    QTemporaryDir dir;
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("m.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(db, qPrintable(error));
    StoryRepository stories(*db);
    Story created = baseStory();
    created.id = 0;
    QVERIFY2(fo::testing::said(StoryWriter(*db).create(created), &error), qPrintable(error));
    const Story base = *stories.get(created.id);

    Story theirs = base;
    theirs.headline = QStringLiteral("Changed from the command line");
    theirs.tags << QStringLiteral("topic/land");
    QVERIFY2(fo::testing::said(StoryWriter(*db).update(theirs), &error), qPrintable(error));

    Story mine = base;
    mine.body += QStringLiteral("\nA paragraph typed in the window.\n");
    SaveResult result;
    QVERIFY2(
        fo::testing::said(StoryWriter(*db).update(base, mine, ChangeContext(), &result), &error),
        qPrintable(error));
    QVERIFY(result.merged);
    QVERIFY(result.merge.conflicts.isEmpty());
    const Story after = *stories.get(base.id);
    QCOMPARE(after.headline, theirs.headline);
    QVERIFY(after.body.contains(QStringLiteral("A paragraph typed in the window.")));
    QVERIFY(after.tags.contains(QStringLiteral("topic/land")));
    QCOMPARE(result.stored.headline, after.headline);

    // Without a change meanwhile, a save with a base is a plain save.
    Story again = after;
    again.summary = QStringLiteral("Later.");
    QVERIFY(
        fo::testing::said(StoryWriter(*db).update(after, again, ChangeContext(), &result), &error));
    QVERIFY(!result.merged);
    QCOMPARE(stories.get(base.id)->summary, QStringLiteral("Later."));
}

// Both changed the headline: the saver's is in the story, the other's stays in the history as
// its own revision, even when both were saved by the same person (whose edits otherwise
// coalesce into one revision per session).
void TestMerge::conflictKeepsBothInTheHistory()
{
    QTemporaryDir dir;
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("c.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(db, qPrintable(error));
    StoryRepository stories(*db);
    Story created = baseStory();
    created.id = 0;
    QVERIFY(fo::testing::said(StoryWriter(*db).create(created), &error));
    const Story base = *stories.get(created.id);

    Story theirs = base;
    theirs.headline = QStringLiteral("Theirs");
    QVERIFY(fo::testing::said(StoryWriter(*db).update(theirs), &error));
    Story mine = base;
    mine.headline = QStringLiteral("Mine");
    SaveResult result;
    QVERIFY2(
        fo::testing::said(StoryWriter(*db).update(base, mine, ChangeContext(), &result), &error),
        qPrintable(error));
    QCOMPARE(joinFields(result.merge.conflicts), QStringLiteral("headline"));
    QCOMPARE(result.merge.conflicts.first().theirs, QStringLiteral("Theirs"));
    QVERIFY(result.theirRevision > 0);
    QCOMPARE(stories.get(base.id)->headline, QStringLiteral("Mine"));

    const QVector<Revision> revisions =
        RevisionRepository(*db).forStory(base.id, true).value_or({});
    QStringList headlines;
    for (const Revision &r : revisions) {
        headlines << r.story.headline;
    }
    QVERIFY2(headlines.contains(QStringLiteral("Theirs")), qPrintable(headlines.join(u'|')));
    QVERIFY2(headlines.contains(QStringLiteral("Mine")), qPrintable(headlines.join(u'|')));
    const Result<Revision> theirRevision =
        RevisionRepository(*db).get(base.id, result.theirRevision);
    QVERIFY(theirRevision);
    QCOMPARE(fo::testing::said(RevisionRepository(*db).get(base.id, result.theirRevision), &error)
                 ->number,
             result.theirRevision);
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
