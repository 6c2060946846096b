#include "library/database.h"
#include "libraryopentesting.h"
#include "messages/refusaltext.h"
#include "refusaltesting.h"
#include "search/storylistmodel.h"
#include "search/storyquery.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace fo;

/// The story list model: lazy pages, filters and search done in SQL, snippets.
class TestStoryListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsLazilyAPageAtATime();
    void behavesAsAModel();
    void listsNewestFirst();
    void filtersByStatus();
    void filtersByTag();
    void filtersByOffice();
    void combinesFilters();
    void searchRanksAndMarksMatchedWords();
    void searchFindsWholeBengaliAndTamilWords_data();
    void searchFindsWholeBengaliAndTamilWords();
    void searchSyntaxIsNeverAnError();
    void showsColumnsForPeople();
    void rowOfStoryOnlyKnowsLoadedRows();
    void refreshKeepsFilterAndLoadedRows();
    void storyMovingUpBetweenPagesIsNotListedTwice();
    void leavesDeletedStoriesOut();
    void tellsAnEmptyLibraryFromAnEmptyResult();
    void settingTheSameFilterKeepsTheRows();
    void madeWithAFilterReadsItOnce();
    void theListReadsOnlyItsIndex();

private:
    Story addStory(const QString &headline, const QString &office, StoryStatus status,
                   const QStringList &tags, const QString &body = QString(),
                   const QDateTime &updated = QDateTime());
    QList<qint64> loadedIds(const StoryListModel &model) const;
    static void fetchAll(StoryListModel &model);

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<Database> mDb;
    QDateTime mClock;
};

void TestStoryListModel::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    QString error;
    mDb = fo::testing::openLibrary(mDir->filePath(QStringLiteral("test.fieldoffice")),
                                   Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(mDb, qPrintable(error));
    mClock = QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);
}

void TestStoryListModel::cleanup()
{
    mDb.reset();
    mDir.reset();
}

Story TestStoryListModel::addStory(const QString &headline, const QString &office,
                                   StoryStatus status, const QStringList &tags, const QString &body,
                                   const QDateTime &updated)
{
    Story story;
    story.headline = headline;
    story.officeName = office;
    story.datelineCity = office.toUpper();
    story.datelineCountry = QStringLiteral("INDIA");
    story.status = status;
    story.tags = tags;
    story.body = body.isEmpty() ? QStringLiteral("Body of ") + headline : body;
    // Distinct, increasing times give the list a known order.
    mClock = mClock.addSecs(60);
    story.createdAt = updated.isValid() ? updated : mClock;
    story.updatedAt = story.createdAt;
    QString error;
    if (!fo::testing::said(StoryWriter(*mDb).create(story), &error)) {
        qWarning("cannot create story: %s", qPrintable(error));
    }
    return story;
}

QList<qint64> TestStoryListModel::loadedIds(const StoryListModel &model) const
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids << model.index(row, 0).data(StoryListModel::StoryIdRole).toLongLong();
    }
    return ids;
}

void TestStoryListModel::fetchAll(StoryListModel &model)
{
    int guard = 0;
    while (model.canFetchMore(QModelIndex()) && ++guard < 10000) {
        model.fetchMore(QModelIndex());
    }
}

void TestStoryListModel::loadsLazilyAPageAtATime()
{
    QSet<qint64> created;
    {
        Transaction tx(mDb->connection());
        QVERIFY(tx.isActive());
        for (int i = 0; i < 1000; ++i) {
            created.insert(addStory(QStringLiteral("Story %1").arg(i), QStringLiteral("Kolkata"),
                                    StoryStatus::Draft, {})
                               .id);
        }
        QVERIFY(tx.finish());
    }
    QCOMPARE(created.size(), 1000);

    StoryListModel model(*mDb);
    model.setFilter(StoryFilter{std::nullopt, QString(), QStringLiteral("Kolkata"), QString()});
    const int firstPage = model.rowCount();
    QVERIFY(firstPage > 0);
    QVERIFY(firstPage <= StoryListModel::kPageSize);
    QVERIFY(model.canFetchMore(QModelIndex()));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore(QModelIndex());
    QVERIFY(model.rowCount() > firstPage);
    QVERIFY(model.rowCount() <= firstPage + StoryListModel::kPageSize);
    QCOMPARE(inserted.count(), 1);

    fetchAll(model);
    QCOMPARE(model.rowCount(), 1000);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    const QList<qint64> ids = loadedIds(model);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()), created);
}

void TestStoryListModel::behavesAsAModel()
{
    {
        Transaction tx(mDb->connection());
        for (int i = 0; i < 2 * StoryListModel::kPageSize + 3; ++i) {
            addStory(QStringLiteral("Story %1").arg(i), QStringLiteral("Gulu"), StoryStatus::Draft,
                     {QStringLiteral("topic/justice-system")});
        }
        QVERIFY(tx.finish());
    }
    StoryListModel model(*mDb);
    model.setFilter(StoryFilter{std::nullopt, QStringLiteral("topic/justice-system"), QString(),
                                QStringLiteral("story")});
    // Attached after the reset: the tester fetches more from inside its modelReset handler,
    // which it then reports as an insertion during the reset.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 2 * StoryListModel::kPageSize + 3);
}

void TestStoryListModel::listsNewestFirst()
{
    const Story old = addStory(QStringLiteral("Old"), QStringLiteral("Gulu"), StoryStatus::Draft,
                               {}, {}, QDateTime(QDate(2020, 1, 1), QTime(8, 0), Qt::UTC));
    const Story recent =
        addStory(QStringLiteral("Recent"), QStringLiteral("Gulu"), StoryStatus::Draft, {}, {},
                 QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC));
    const Story middle =
        addStory(QStringLiteral("Middle"), QStringLiteral("Gulu"), StoryStatus::Draft, {}, {},
                 QDateTime(QDate(2022, 1, 1), QTime(8, 0), Qt::UTC));
    StoryListModel model(*mDb);
    QCOMPARE(loadedIds(model), (QList<qint64>{recent.id, middle.id, old.id}));
}

void TestStoryListModel::filtersByStatus()
{
    addStory(QStringLiteral("Draft one"), QStringLiteral("Manila"), StoryStatus::Draft, {});
    const Story a = addStory(QStringLiteral("Approved one"), QStringLiteral("Manila"),
                             StoryStatus::Approved, {});
    const Story b = addStory(QStringLiteral("Approved two"), QStringLiteral("Kampala"),
                             StoryStatus::Approved, {});
    addStory(QStringLiteral("Released"), QStringLiteral("Kampala"), StoryStatus::Released, {});

    StoryListModel model(*mDb);
    QCOMPARE(model.rowCount(), 4);
    StoryFilter filter;
    filter.status = StoryStatus::Approved;
    model.setFilter(filter);
    QCOMPARE(loadedIds(model), (QList<qint64>{b.id, a.id}));
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, 0).data(StoryListModel::StatusRole).toInt(),
                 int(StoryStatus::Approved));
    }
    filter.status = StoryStatus::Archived;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

void TestStoryListModel::filtersByTag()
{
    const Story a =
        addStory(QStringLiteral("Brick kiln rescue"), QStringLiteral("Chennai"), StoryStatus::Draft,
                 {QStringLiteral("topic/forced-labour"), QStringLiteral("type/rescue")});
    addStory(QStringLiteral("Police training"), QStringLiteral("Chennai"), StoryStatus::Draft,
             {QStringLiteral("topic/justice-system"), QStringLiteral("type/training")});
    const Story c = addStory(QStringLiteral("Fishing boat rescue"), QStringLiteral("Manila"),
                             StoryStatus::Draft, {QStringLiteral("topic/forced-labour")});

    StoryListModel model(*mDb);
    StoryFilter filter;
    filter.tag = QStringLiteral("topic/forced-labour");
    model.setFilter(filter);
    QCOMPARE(loadedIds(model), (QList<qint64>{c.id, a.id}));
    filter.tag = QStringLiteral("type/rescue");
    model.setFilter(filter);
    QCOMPARE(loadedIds(model), (QList<qint64>{a.id}));
    // A tag that does not exist matches nothing rather than everything.
    filter.tag = QStringLiteral("topic/no-such-tag");
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
}

void TestStoryListModel::filtersByOffice()
{
    const Story a =
        addStory(QStringLiteral("One"), QStringLiteral("Kampala"), StoryStatus::Draft, {});
    addStory(QStringLiteral("Two"), QStringLiteral("Gulu"), StoryStatus::Draft, {});
    const Story c =
        addStory(QStringLiteral("Three"), QStringLiteral("Kampala"), StoryStatus::Draft, {});
    StoryListModel model(*mDb);
    StoryFilter filter;
    filter.office = QStringLiteral("kampala"); // office names ignore case
    model.setFilter(filter);
    QCOMPARE(loadedIds(model), (QList<qint64>{c.id, a.id}));
    QCOMPARE(model.index(0, StoryListModel::OfficeColumn).data().toString(),
             QStringLiteral("Kampala"));
}

void TestStoryListModel::combinesFilters()
{
    addStory(QStringLiteral("Kiln rescue draft"), QStringLiteral("Chennai"), StoryStatus::Draft,
             {QStringLiteral("topic/forced-labour")});
    const Story b = addStory(QStringLiteral("Kiln rescue approved"), QStringLiteral("Chennai"),
                             StoryStatus::Approved, {QStringLiteral("topic/forced-labour")});
    addStory(QStringLiteral("Kiln rescue Manila"), QStringLiteral("Manila"), StoryStatus::Approved,
             {QStringLiteral("topic/forced-labour")});
    addStory(QStringLiteral("Training approved"), QStringLiteral("Chennai"), StoryStatus::Approved,
             {QStringLiteral("topic/justice-system")});
    StoryListModel model(*mDb);
    model.setFilter(StoryFilter{StoryStatus::Approved, QStringLiteral("topic/forced-labour"),
                                QStringLiteral("Chennai"), QStringLiteral("kiln")});
    QCOMPARE(loadedIds(model), (QList<qint64>{b.id}));
}

void TestStoryListModel::searchRanksAndMarksMatchedWords()
{
    addStory(QStringLiteral("Court clerks digitise case files"), QStringLiteral("Gulu"),
             StoryStatus::Draft, {}, QStringLiteral("Volunteers sorted paper records."));
    const Story body = addStory(QStringLiteral("Rescue at a brick factory"),
                                QStringLiteral("Chennai"), StoryStatus::Draft, {},
                                QStringLiteral("Twelve workers left the brick kiln at dawn."));
    const Story headline =
        addStory(QStringLiteral("Kiln owners charged"), QStringLiteral("Chennai"),
                 StoryStatus::Draft, {}, QStringLiteral("The court heard the case on Monday."));
    StoryListModel model(*mDb);
    QVERIFY(!model.isSearching());
    QVERIFY(model.index(0, 0).data(StoryListModel::SnippetRole).isNull());

    model.setFilter(StoryFilter{std::nullopt, QString(), QString(), QStringLiteral("kiln")});
    QVERIFY(model.isSearching());
    // A match in the headline weighs more than one in the body.
    QCOMPARE(loadedIds(model), (QList<qint64>{headline.id, body.id}));
    const QString snippet = model.index(1, 0).data(StoryListModel::SnippetRole).toString();
    QVERIFY2(snippet.contains(QStringLiteral("\x02kiln\x03")), qPrintable(snippet));
    QVERIFY(snippet.contains(QStringLiteral("brick")));
    const QString tip = model.index(1, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("<b>kiln</b>")), qPrintable(tip));
    // The headline itself stays plain text.
    QCOMPARE(model.index(1, 0).data().toString(), body.headline);

    // Back to the whole list: newest first, no snippets.
    model.setFilter(StoryFilter());
    QVERIFY(!model.isSearching());
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.index(0, 0).data(StoryListModel::SnippetRole).isNull());
}

void TestStoryListModel::searchFindsWholeBengaliAndTamilWords_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expectedHeadline");
    // Words with vowel signs, which a default tokenizer would split apart.
    QTest::newRow("bengali city") << QStringLiteral("কলকাতা") << QStringLiteral("Kolkata story");
    QTest::newRow("bengali word with vowel signs")
        << QStringLiteral("শিশুদের") << QStringLiteral("Kolkata story");
    QTest::newRow("tamil city") << QStringLiteral("சென்னை") << QStringLiteral("Chennai story");
    QTest::newRow("tamil word with vowel signs")
        << QStringLiteral("தொழிலாளர்கள்") << QStringLiteral("Chennai story");
}

void TestStoryListModel::searchFindsWholeBengaliAndTamilWords()
{
    QFETCH(QString, query);
    QFETCH(QString, expectedHeadline);
    addStory(QStringLiteral("Kolkata story"), QStringLiteral("Kolkata"), StoryStatus::Draft, {},
             QStringLiteral("KOLKATA, INDIA – A mother said: “কলকাতা শহরে শিশুদের জন্য নতুন আশ্রয়।”"));
    addStory(QStringLiteral("Chennai story"), QStringLiteral("Chennai"), StoryStatus::Draft, {},
             QStringLiteral("CHENNAI, INDIA – “சென்னை நகரில் தொழிலாளர்கள் விடுவிக்கப்பட்டனர்.”"));
    addStory(QStringLiteral("Manila story"), QStringLiteral("Manila"), StoryStatus::Draft, {},
             QStringLiteral("MANILA, PHILIPPINES – Salamat po, said the boat captain."));

    StoryListModel model(*mDb);
    model.setFilter(StoryFilter{std::nullopt, QString(), QString(), query});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), expectedHeadline);
    const QString snippet = model.index(0, 0).data(StoryListModel::SnippetRole).toString();
    QVERIFY2(snippet.contains(QChar(0x02) + query + QChar(0x03)), qPrintable(snippet));
}

void TestStoryListModel::searchSyntaxIsNeverAnError()
{
    addStory(QStringLiteral("Court clerks"), QStringLiteral("Gulu"), StoryStatus::Draft, {});
    StoryListModel model(*mDb);
    QSignalSpy failed(&model, &StoryListModel::loadFailed);
    for (const QString &text : {QStringLiteral("\"court"), QStringLiteral("court AND OR"),
                                QStringLiteral("headline:court"), QStringLiteral("-(court")}) {
        model.setFilter(StoryFilter{std::nullopt, QString(), QString(), text});
        QVERIFY2(!model.lastRefusal(),
                 qPrintable(refusalText(model.lastRefusal().value_or(Refusal()))));
    }
    QCOMPARE(failed.count(), 0);
}

void TestStoryListModel::showsColumnsForPeople()
{
    const QDateTime updated(QDate(2024, 6, 30), QTime(22, 15), Qt::UTC);
    addStory(QStringLiteral("Court clerks"), QStringLiteral("Gulu"), StoryStatus::ChangesRequested,
             {}, {}, updated);
    StoryListModel model(*mDb);
    QCOMPARE(model.columnCount(), int(StoryListModel::ColumnCount));
    QCOMPARE(model.headerData(StoryListModel::HeadlineColumn, Qt::Horizontal).toString(),
             QStringLiteral("Headline"));
    QCOMPARE(model.index(0, StoryListModel::HeadlineColumn).data().toString(),
             QStringLiteral("Court clerks"));
    QCOMPARE(model.index(0, StoryListModel::OfficeColumn).data().toString(),
             QStringLiteral("Gulu"));
    QCOMPARE(model.index(0, StoryListModel::StatusColumn).data().toString(),
             QStringLiteral("Changes requested"));
    QCOMPARE(model.index(0, StoryListModel::DatelineColumn).data().toString(),
             QStringLiteral("GULU, INDIA"));
    QCOMPARE(model.index(0, StoryListModel::UpdatedColumn).data().toString(),
             QLocale().toString(updated.toLocalTime(), QLocale::ShortFormat));
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
}

void TestStoryListModel::rowOfStoryOnlyKnowsLoadedRows()
{
    QList<qint64> ids;
    {
        Transaction tx(mDb->connection());
        for (int i = 0; i < StoryListModel::kPageSize + 10; ++i) {
            ids.prepend(addStory(QStringLiteral("Story %1").arg(i), QStringLiteral("Gulu"),
                                 StoryStatus::Draft, {})
                            .id);
        }
        QVERIFY(tx.finish());
    }
    StoryListModel model(*mDb);
    QCOMPARE(model.rowCount(), StoryListModel::kPageSize);
    QCOMPARE(model.rowOfStory(ids.at(5)), 5);
    QCOMPARE(model.storyIdAt(5), ids.at(5));
    QCOMPARE(model.rowOfStory(ids.last()), -1); // not loaded yet
    QCOMPARE(model.storyIdAt(model.rowCount()), 0);
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowOfStory(ids.last()), int(ids.size()) - 1);
}

void TestStoryListModel::refreshKeepsFilterAndLoadedRows()
{
    {
        Transaction tx(mDb->connection());
        for (int i = 0; i < 3 * StoryListModel::kPageSize; ++i) {
            addStory(QStringLiteral("Story %1").arg(i), QStringLiteral("Gulu"),
                     StoryStatus::Approved, {});
        }
        addStory(QStringLiteral("A draft"), QStringLiteral("Gulu"), StoryStatus::Draft, {});
        QVERIFY(tx.finish());
    }
    StoryListModel model(*mDb);
    StoryFilter filter;
    filter.status = StoryStatus::Approved;
    model.setFilter(filter);
    model.fetchMore(QModelIndex());
    const int loaded = model.rowCount();
    QCOMPARE(loaded, 2 * StoryListModel::kPageSize);

    const Story added =
        addStory(QStringLiteral("Newest"), QStringLiteral("Gulu"), StoryStatus::Approved, {});
    model.refresh();
    QCOMPARE(model.filter().status, std::optional<StoryStatus>(StoryStatus::Approved));
    QVERIFY(model.rowCount() >= loaded);
    QCOMPARE(model.storyIdAt(0), added.id);
    QVERIFY(model.canFetchMore(QModelIndex()));
    fetchAll(model);
    QCOMPARE(model.rowCount(), 3 * StoryListModel::kPageSize + 1);
}

void TestStoryListModel::storyMovingUpBetweenPagesIsNotListedTwice()
{
    QList<qint64> ids; // newest first
    {
        Transaction tx(mDb->connection());
        for (int i = 0; i < 3 * StoryListModel::kPageSize; ++i) {
            ids.prepend(addStory(QStringLiteral("Story %1").arg(i), QStringLiteral("Gulu"),
                                 StoryStatus::Draft, {})
                            .id);
        }
        QVERIFY(tx.finish());
    }
    StoryListModel model(*mDb);
    QCOMPARE(model.rowCount(), StoryListModel::kPageSize);
    // Someone edits a story further down: it becomes the newest, and every later offset shifts.
    QString error;
    QVERIFY2(
        fo::testing::said(StoryWriter(*mDb).setStatus(ids.at(2 * StoryListModel::kPageSize + 5),
                                                      StoryStatus::InReview),
                          &error),
        qPrintable(error));
    // ... and one already loaded, which would otherwise come again on the next page.
    QVERIFY2(
        fo::testing::said(StoryWriter(*mDb).setStatus(ids.at(10), StoryStatus::InReview), &error),
        qPrintable(error));
    fetchAll(model);
    const QList<qint64> loaded = loadedIds(model);
    QCOMPARE(QSet<qint64>(loaded.cbegin(), loaded.cend()).size(), loaded.size());
}

void TestStoryListModel::leavesDeletedStoriesOut()
{
    const Story kept =
        addStory(QStringLiteral("Kept"), QStringLiteral("Gulu"), StoryStatus::Draft, {});
    const Story gone =
        addStory(QStringLiteral("Gone kiln"), QStringLiteral("Gulu"), StoryStatus::Draft, {});
    QString error;
    QVERIFY(fo::testing::said(StoryRepository(*mDb).setDeleted(gone.id, true), &error));
    StoryListModel model(*mDb);
    QCOMPARE(loadedIds(model), (QList<qint64>{kept.id}));
    model.setFilter(StoryFilter{std::nullopt, QString(), QString(), QStringLiteral("kiln")});
    QCOMPARE(model.rowCount(), 0);
}

void TestStoryListModel::tellsAnEmptyLibraryFromAnEmptyResult()
{
    StoryListModel model(*mDb);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isFiltered());
    QVERIFY(model.isLibraryEmpty());

    addStory(QStringLiteral("Court clerks"), QStringLiteral("Gulu"), StoryStatus::Draft, {});
    model.setFilter(StoryFilter{std::nullopt, QString(), QString(), QStringLiteral("nothing")});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isFiltered());
    QVERIFY(!model.isLibraryEmpty());
    // Blank search text is no search.
    model.setFilter(StoryFilter{std::nullopt, QString(), QString(), QStringLiteral("  ")});
    QVERIFY(!model.isFiltered());
    QCOMPARE(model.rowCount(), 1);
}

void TestStoryListModel::settingTheSameFilterKeepsTheRows()
{
    addStory(QStringLiteral("Court clerks"), QStringLiteral("Gulu"), StoryStatus::Draft, {});
    StoryListModel model(*mDb);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    StoryFilter filter;
    filter.office = QStringLiteral("Gulu");
    model.setFilter(filter);
    QCOMPARE(reset.count(), 1);
    model.setFilter(filter);
    QCOMPARE(reset.count(), 1);
    model.refresh();
    QCOMPARE(reset.count(), 2);
}

void TestStoryListModel::madeWithAFilterReadsItOnce()
{
    addStory(QStringLiteral("Court clerks"), QStringLiteral("Gulu"), StoryStatus::Draft, {});
    addStory(QStringLiteral("Brick kilns"), QStringLiteral("Kolkata"), StoryStatus::Draft, {});
    StoryFilter filter;
    filter.office = QStringLiteral("Gulu");
    filter.prefixLastWord = true; // as the window's filter bar makes it
    StoryListModel model(*mDb, filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.filter().office, QStringLiteral("Gulu"));
    // The window restores the same filter: nothing is read again.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setFilter(filter);
    QCOMPARE(reset.count(), 0);
    // A search given at the start is a search (rows carry snippets).
    StoryFilter search;
    search.search = QStringLiteral("kilns");
    StoryListModel searching(*mDb, search);
    QCOMPARE(searching.rowCount(), 1);
    QVERIFY(!searching.index(0, 0).data(StoryListModel::SnippetRole).isNull());
}

// A story row holds the whole story; the list shows a few of its columns. The unfiltered
// list, what every window starts with, must read them from the index that holds them in list
// order and never touch story rows (at 100,000 stories, 200 rows are 200 pages of the file).
void TestStoryListModel::theListReadsOnlyItsIndex()
{
    addStory(QStringLiteral("Court clerks"), QStringLiteral("Gulu"), StoryStatus::Draft, {});
    const QStringList plan = StoryQuery(*mDb).plan(StoryFilter());
    QVERIFY2(!plan.isEmpty(), "no query plan");
    QVERIFY2(plan.first().contains(QStringLiteral("USING COVERING INDEX stories_list")),
             qPrintable(plan.join(QLatin1Char('\n'))));
    for (const QString &step : plan) {
        QVERIFY2(!step.contains(QStringLiteral("TEMP B-TREE")), qPrintable(step)); // no sorting
    }
}

QTEST_GUILESS_MAIN(TestStoryListModel)
#include "tst_storylistmodel.moc"
