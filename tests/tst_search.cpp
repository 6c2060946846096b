// Full-text search: each query finds exactly the stories that contain its words, in any script.

#include "library/database.h"
#include "library/nestedtransaction.h"
#include "libraryopentesting.h"
#include "refusaltesting.h"
#include "search/searchquery.h"
#include "search/storyquery.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fo;

class TestSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void finds_data();
    void finds();
    void hostileQueriesAreText_data();
    void hostileQueriesAreText();
    void snippetMarksTheMatch();
    void editsReachTheIndex();
    void filtersCombineWithSearch();
    void asYouTypeMatchesTheWordBeingTyped_data();
    void asYouTypeMatchesTheWordBeingTyped();
    void fewMatchesComeBestFirst_data();
    void fewMatchesComeBestFirst();
    void manyMatchesComeNewestFirst_data();
    void manyMatchesComeNewestFirst();

private:
    QVector<qint64> search(const QString &text, StoryFilter filter = {});

    QTemporaryDir mDir;
    std::unique_ptr<Database> mDb;
    QMap<QString, qint64> mIds; // short name → story id
};

void TestSearch::initTestCase()
{
    QString error;
    mDb = fo::testing::openLibrary(mDir.filePath(QStringLiteral("s.fieldoffice")),
                                   Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(mDb, qPrintable(error));
    struct Seed
    {
        const char *key;
        const char *headline;
        const char *body;
        const char *office;
        StoryStatus status;
        QStringList tags;
    };
    const Seed seeds[] = {
        {"court",
         "Court Clerks Digitise Case Files",
         "Volunteers sorted decades of paper records. The courthouse yard held a tent.",
         "Gulu",
         StoryStatus::Approved,
         {QStringLiteral("topic/justice-system"), QStringLiteral("type/court")}},
        {"training",
         "Police Officers Trained in Victim Care",
         "Forty officers completed training on trauma-informed interviews.",
         "Kampala",
         StoryStatus::Draft,
         {QStringLiteral("topic/police-training")}},
        {"kolkata",
         "Survivors Lead Awareness Walk in Kolkata",
         "A survivor said: \"পশ্চিমবঙ্গের মেয়েরা এখন নিরাপদ।\" The walk crossed কলকাতা.",
         "Kolkata",
         StoryStatus::InReview,
         {QStringLiteral("topic/aftercare")}},
        {"bengali2",
         "কলকাতায় পুলিশ প্রশিক্ষণ",
         "প্রশিক্ষণ শেষ হয়েছে। কলকাতা পুলিশ খুশি।",
         "Kolkata",
         StoryStatus::Draft,
         {}},
        {"chennai",
         "Brick Kiln Workers Freed Near Chennai",
         "An officer said: \"சென்னை மற்றும் தமிழ்நாடு முழுவதும் நாங்கள் உதவுவோம்.\"",
         "Chennai",
         StoryStatus::Released,
         {QStringLiteral("type/rescue")}},
        {"manila",
         "Online Exploitation Case Reaches Verdict",
         "The court in Manila delivered its verdict. Records were digitised earlier.",
         "Manila",
         StoryStatus::Approved,
         {QStringLiteral("topic/online-exploitation"), QStringLiteral("type/court")}},
    };
    StoryRepository repo(*mDb);
    StoryWriter writer(*mDb);
    for (const Seed &s : seeds) {
        Story story;
        story.headline = QString::fromUtf8(s.headline);
        story.body = QString::fromUtf8(s.body);
        story.officeName = QString::fromUtf8(s.office);
        story.status = s.status;
        story.tags = s.tags;
        QVERIFY2(fo::testing::said(writer.create(story), &error), qPrintable(error));
        mIds.insert(QString::fromLatin1(s.key), story.id);
    }
}

QVector<qint64> TestSearch::search(const QString &text, StoryFilter filter)
{
    filter.search = text;
    QVector<qint64> ids;
    QString error;
    const QVector<StoryRow> rows =
        fo::testing::said(StoryRepository(*mDb).list(filter, 0, 100, false), &error).value_or({});
    if (!error.isEmpty()) {
        qWarning() << "search error" << error;
    }
    for (const StoryRow &r : rows) {
        ids << r.id;
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void TestSearch::finds_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("English word") << QStringLiteral("verdict")
                                  << QStringList{QStringLiteral("manila")};
    QTest::newRow("word in two stories")
        << QStringLiteral("court")
        << QStringList{QStringLiteral("court"), QStringLiteral("manila")};
    QTest::newRow("case-insensitive")
        << QStringLiteral("VOLUNTEERS") << QStringList{QStringLiteral("court")};
    QTest::newRow("prefix") << QStringLiteral("digitis*")
                            << QStringList{QStringLiteral("court"), QStringLiteral("manila")};
    QTest::newRow("whole word, not a prefix") << QStringLiteral("digitis") << QStringList{};
    QTest::newRow("phrase") << QStringLiteral("\"victim care\"")
                            << QStringList{QStringLiteral("training")};
    QTest::newRow("word and OR group") << QStringLiteral("court verdict OR nothingmatches")
                                       << QStringList{QStringLiteral("manila")};
    QTest::newRow("OR") << QStringLiteral("verdict OR volunteers")
                        << QStringList{QStringLiteral("court"), QStringLiteral("manila")};
    QTest::newRow("tag name") << QStringLiteral("aftercare")
                              << QStringList{QStringLiteral("kolkata")};
    QTest::newRow("Bengali conjunct word")
        << QStringLiteral("পশ্চিমবঙ্গের") << QStringList{QStringLiteral("kolkata")};
    QTest::newRow("Bengali word in two stories")
        << QStringLiteral("কলকাতা")
        << QStringList{QStringLiteral("kolkata"), QStringLiteral("bengali2")};
    QTest::newRow("Bengali headline word")
        << QStringLiteral("প্রশিক্ষণ") << QStringList{QStringLiteral("bengali2")};
    QTest::newRow("single Bengali letter does not match inside words")
        << QStringLiteral("ক") << QStringList{};
    QTest::newRow("Bengali vowel sign alone") << QStringLiteral("ি") << QStringList{};
    QTest::newRow("Tamil city") << QStringLiteral("சென்னை")
                                << QStringList{QStringLiteral("chennai")};
    QTest::newRow("Tamil state") << QStringLiteral("தமிழ்நாடு")
                                 << QStringList{QStringLiteral("chennai")};
    QTest::newRow("Tamil letter alone") << QStringLiteral("த") << QStringList{};
    QTest::newRow("Tamil prefix") << QStringLiteral("தமிழ்*")
                                  << QStringList{QStringLiteral("chennai")};
    QTest::newRow("decomposed input is normalised")
        << QStringLiteral("কলকাতা").normalized(QString::NormalizationForm_D)
        << QStringList{QStringLiteral("kolkata"), QStringLiteral("bengali2")};
}

void TestSearch::finds()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QVector<qint64> want;
    for (const QString &k : expected) {
        want << mIds.value(k);
    }
    std::sort(want.begin(), want.end());
    QCOMPARE(search(query), want);
}

void TestSearch::hostileQueriesAreText_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("lone quote") << QStringLiteral("\"");
    QTest::newRow("unbalanced quote") << QStringLiteral("\"victim care");
    QTest::newRow("column filter syntax") << QStringLiteral("body:court");
    QTest::newRow("parentheses") << QStringLiteral("(court AND");
    QTest::newRow("NEAR") << QStringLiteral("NEAR(court verdict)");
    QTest::newRow("minus") << QStringLiteral("-court");
    QTest::newRow("caret and plus") << QStringLiteral("^court + ");
    QTest::newRow("only punctuation") << QStringLiteral("*** ::: ---");
    QTest::newRow("SQL") << QStringLiteral("'; DROP TABLE stories; --");
}

void TestSearch::hostileQueriesAreText()
{
    QFETCH(QString, query);
    QString error;
    StoryFilter filter;
    filter.search = query;
    fo::testing::said(StoryRepository(*mDb).list(filter, 0, 50, false), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(StoryRepository(*mDb).count({}).value_or(-1), mIds.size());
}

void TestSearch::snippetMarksTheMatch()
{
    StoryFilter filter;
    filter.search = QStringLiteral("verdict");
    const QVector<StoryRow> rows = StoryRepository(*mDb).list(filter, 0, 10, false).value_or({});
    QCOMPARE(rows.size(), 1);
    QVERIFY2(rows.first().snippet.contains(QStringLiteral("\x02verdict\x03")) ||
                 rows.first().snippet.contains(QStringLiteral("\x02Verdict\x03")),
             qPrintable(rows.first().snippet));
}

void TestSearch::editsReachTheIndex()
{
    StoryRepository repo(*mDb);
    StoryWriter writer(*mDb);
    auto story = repo.get(mIds.value(QStringLiteral("training")));
    QVERIFY(story);
    story->body += QStringLiteral(" Afterwards the officers visited Entebbe.");
    story->tags << QStringLiteral("topic/labour-inspection");
    QString error;
    QVERIFY2(fo::testing::said(writer.update(*story), &error), qPrintable(error));
    QCOMPARE(search(QStringLiteral("entebbe")), QVector<qint64>{story->id});
    QCOMPARE(search(QStringLiteral("labour")), QVector<qint64>{story->id});
    story->body = QStringLiteral("Rewritten.");
    QVERIFY2(fo::testing::said(writer.update(*story), &error), qPrintable(error));
    QCOMPARE(search(QStringLiteral("entebbe")), QVector<qint64>{});
}

void TestSearch::filtersCombineWithSearch()
{
    StoryFilter filter;
    filter.status = StoryStatus::Approved;
    QCOMPARE(search(QStringLiteral("court"), filter).size(), 2);
    filter.office = QStringLiteral("gulu");
    QCOMPARE(search(QStringLiteral("court"), filter),
             QVector<qint64>{mIds.value(QStringLiteral("court"))});
    StoryFilter byTag;
    byTag.tag = QStringLiteral("type/court");
    QCOMPARE(search(QStringLiteral("records"), byTag).size(), 2);
    byTag.tag = QStringLiteral("type/no-such-tag");
    QCOMPARE(search(QStringLiteral("records"), byTag).size(), 0);
}

void TestSearch::asYouTypeMatchesTheWordBeingTyped_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("half a word") << QStringLiteral("verd") << QStringList{QStringLiteral("manila")};
    QTest::newRow("two words, second half typed")
        << QStringLiteral("court verd") << QStringList{QStringLiteral("manila")};
    QTest::newRow("finished word with a space") << QStringLiteral("verd ") << QStringList{};
    QTest::newRow("one letter stays a word") << QStringLiteral("v") << QStringList{};
    QTest::newRow("Tamil half word")
        << QStringLiteral("தமிழ்") << QStringList{QStringLiteral("chennai")};
    QTest::newRow("closed phrase stays a phrase")
        << QStringLiteral("\"victim car\"") << QStringList{};
}

void TestSearch::asYouTypeMatchesTheWordBeingTyped()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, expected);
    QVector<qint64> want;
    for (const QString &k : expected) {
        want << mIds.value(k);
    }
    std::sort(want.begin(), want.end());
    StoryFilter filter;
    filter.prefixLastWord = true;
    QCOMPARE(search(typed, filter), want);
}

// Up to StoryQuery::kRankLimit matches are ranked: a match in the headline beats one in the
// text, however old — for a word and for a phrase (ranked in the pass that counts).
void TestSearch::fewMatchesComeBestFirst_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("word") << QStringLiteral("ferryboat");
    QTest::newRow("phrase") << QStringLiteral("\"harbour ferryboat\"");
}

void TestSearch::fewMatchesComeBestFirst()
{
    QFETCH(QString, query);
    QTemporaryDir dir;
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("r.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(db, qPrintable(error));
    StoryRepository repo(*db);
    StoryWriter writer(*db);
    Story inHeadline;
    inHeadline.headline = QStringLiteral("Harbour Ferryboat Crew Rescued");
    inHeadline.body = QStringLiteral("The crew was found at dawn.");
    inHeadline.status = StoryStatus::Approved;
    QVERIFY2(fo::testing::said(writer.create(inHeadline), &error), qPrintable(error));
    Story inText;
    inText.headline = QStringLiteral("Port Inspection Report");
    inText.body = QStringLiteral("Inspectors boarded a harbour ferryboat at noon.");
    inText.status = StoryStatus::Draft;
    QVERIFY2(fo::testing::said(writer.create(inText), &error), qPrintable(error)); // newer
    StoryFilter filter;
    filter.search = query;
    QCOMPARE(StoryQuery(*db).order(filter), StoryQuery::Order::Relevance);
    const QVector<StoryRow> rows =
        fo::testing::said(repo.list(filter, 0, 10, false), &error).value_or({});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).id, inHeadline.id);
    QCOMPARE(rows.at(1).id, inText.id);
    QVERIFY(rows.at(1).snippet.contains(QChar(2))); // the match is marked in the snippet
    // The other filters still apply.
    filter.status = StoryStatus::Draft;
    const QVector<StoryRow> drafts =
        fo::testing::said(repo.list(filter, 0, 10, false), &error).value_or({});
    QCOMPARE(drafts.size(), 1);
    QCOMPARE(drafts.at(0).id, inText.id);
}

// More than StoryQuery::kRankLimit matches come newest first, page after page, with the other
// filters applied.
void TestSearch::manyMatchesComeNewestFirst_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("word") << QStringLiteral("ferryboat");
    QTest::newRow("phrase") << QStringLiteral("\"harbour ferryboat\"");
}

void TestSearch::manyMatchesComeNewestFirst()
{
    QFETCH(QString, query);
    QTemporaryDir dir;
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("n.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(db, qPrintable(error));
    StoryRepository repo(*db);
    StoryWriter writer(*db);
    const int total = StoryQuery::kRankLimit + 20;
    {
        NestedTransaction batch(db->connection());
        for (int i = 0; i < total; ++i) {
            Story s;
            s.headline = QStringLiteral("Crossing %1").arg(i);
            s.body = QStringLiteral("A harbour ferryboat crossed the bay.");
            s.status = i % 2 ? StoryStatus::Draft : StoryStatus::Approved;
            QVERIFY2(fo::testing::said(writer.create(s), &error), qPrintable(error));
        }
        QVERIFY2(fo::testing::said(batch.finish(), &error), qPrintable(error));
    }
    StoryFilter filter;
    filter.search = query;
    QCOMPARE(StoryQuery(*db).order(filter), StoryQuery::Order::Newest);
    const QVector<StoryRow> first =
        fo::testing::said(repo.list(filter, 0, 50, false), &error).value_or({});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(first.size(), 50);
    for (int i = 1; i < first.size(); ++i) {
        QVERIFY(first.at(i).id < first.at(i - 1).id);
    }
    QCOMPARE(first.constFirst().headline, QStringLiteral("Crossing %1").arg(total - 1));
    const Result<QVector<StoryRow>> after =
        StoryQuery(*db).listAfter(filter, first.constLast(), 50, 50, false);
    QVERIFY(after);
    const QVector<StoryRow> second = *after;
    QCOMPARE(second.size(), 50);
    QVERIFY(second.constFirst().id < first.constLast().id);
    filter.status = StoryStatus::Draft;
    const QVector<StoryRow> drafts =
        fo::testing::said(repo.list(filter, 0, 50, false), &error).value_or({});
    QCOMPARE(drafts.size(), 50);
    for (const StoryRow &row : drafts) {
        QCOMPARE(row.status, StoryStatus::Draft);
    }
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
