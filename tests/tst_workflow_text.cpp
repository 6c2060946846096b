// The text side of the workflow: the word diff (English, Bengali, Tamil), the content hash an
// approval is bound to, and comment anchors that follow their passage through edits.

#include "comments/commentanchor.h"
#include "domain/contenthash.h"
#include "domain/story.h"
#include "domain/worddiff.h"

#include <QtTest>

using namespace fo;
using Kind = DiffSegment::Kind;

Q_DECLARE_METATYPE(fo::DiffSegment)
Q_DECLARE_METATYPE(QVector<fo::DiffSegment>)

namespace QTest {
template <> char *toString(const QVector<fo::DiffSegment> &segments)
{
    return qstrdup(fo::diffToPlainText(segments).toUtf8().constData());
}
} // namespace QTest

namespace {

DiffSegment eq(const QString &t)
{
    return {Kind::Equal, t};
}
DiffSegment ins(const QString &t)
{
    return {Kind::Inserted, t};
}
DiffSegment del(const QString &t)
{
    return {Kind::Removed, t};
}

Story sample()
{
    Story s;
    s.headline = QStringLiteral("Court Clerks Digitise 40,000 Case Files in Gulu");
    s.datelineCity = QStringLiteral("GULU");
    s.datelineCountry = QStringLiteral("UGANDA");
    s.byline = QStringLiteral("Field Office Communications");
    s.summary = QStringLiteral("Volunteers sorted decades of records.");
    s.body = QStringLiteral("GULU, UGANDA – For three weeks the yard held a tent.");
    s.language = QStringLiteral("en");
    s.tags = QStringList{QStringLiteral("type/court"), QStringLiteral("topic/justice-system")};
    return s;
}

} // namespace

class TestWorkflowText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokensKeepIndicWordsWhole_data();
    void tokensKeepIndicWordsWhole();
    void wordDiff_data();
    void wordDiff();
    void storyDiffMarksExactlyTheChangedWord();
    void tagDiffIsASetDiff();
    void renderings();
    void largeRewriteStaysCorrect();
    void contentHashSerialisation();
    void contentHashCoversExportedFieldsOnly();
    void anchorFollowsItsPassage();
    void anchorPrefersMatchingSurroundings();
    void anchorFallsBackToContext();
    void anchorLost();
};

void TestWorkflowText::tokensKeepIndicWordsWhole_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("english") << QStringLiteral("Amina*, 16, told")
                             << QStringList{QStringLiteral("Amina"), QStringLiteral("*"),
                                            QStringLiteral(","),     QStringLiteral(" "),
                                            QStringLiteral("16"),    QStringLiteral(","),
                                            QStringLiteral(" "),     QStringLiteral("told")};
    QTest::newRow("bengali") << QStringLiteral("মানব পাচার নিয়ে")
                             << QStringList{QStringLiteral("মানব"), QStringLiteral(" "),
                                            QStringLiteral("পাচার"), QStringLiteral(" "),
                                            QStringLiteral("নিয়ে")};
    QTest::newRow("tamil") << QStringLiteral("சென்னை செங்கல் சூளை")
                           << QStringList{QStringLiteral("சென்னை"), QStringLiteral(" "),
                                          QStringLiteral("செங்கல்"), QStringLiteral(" "),
                                          QStringLiteral("சூளை")};
}

void TestWorkflowText::tokensKeepIndicWordsWhole()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tokens);
    QCOMPARE(wordTokens(text), tokens);
    QCOMPARE(wordTokens(text).join(QString()), text);
}

void TestWorkflowText::wordDiff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QVector<DiffSegment>>("expected");
    QTest::newRow("same") << QStringLiteral("a b") << QStringLiteral("a b")
                          << QVector<DiffSegment>{eq(QStringLiteral("a b"))};
    QTest::newRow("one word") << QStringLiteral("Court Clerks Digitise Files")
                              << QStringLiteral("Court Clerks Scan Files")
                              << QVector<DiffSegment>{eq(QStringLiteral("Court Clerks ")),
                                                      del(QStringLiteral("Digitise")),
                                                      ins(QStringLiteral("Scan")),
                                                      eq(QStringLiteral(" Files"))};
    QTest::newRow("two words read as one change")
        << QStringLiteral("the quick brown fox") << QStringLiteral("the slow red fox")
        << QVector<DiffSegment>{eq(QStringLiteral("the ")), del(QStringLiteral("quick brown")),
                                ins(QStringLiteral("slow red")), eq(QStringLiteral(" fox"))};
    QTest::newRow("insertion") << QStringLiteral("police officers")
                               << QStringLiteral("forty police officers")
                               << QVector<DiffSegment>{ins(QStringLiteral("forty ")),
                                                       eq(QStringLiteral("police officers"))};
    QTest::newRow("removal") << QStringLiteral("for three long weeks")
                             << QStringLiteral("for three weeks")
                             << QVector<DiffSegment>{eq(QStringLiteral("for three ")),
                                                     del(QStringLiteral("long ")),
                                                     eq(QStringLiteral("weeks"))};
    QTest::newRow("from empty") << QString() << QStringLiteral("New")
                                << QVector<DiffSegment>{ins(QStringLiteral("New"))};
    QTest::newRow("bengali word") << QStringLiteral("কলকাতায় পুলিশ প্রশিক্ষণ শেষ হয়েছে")
                                  << QStringLiteral("কলকাতায় আদালত প্রশিক্ষণ শেষ হয়েছে")
                                  << QVector<DiffSegment>{eq(QStringLiteral("কলকাতায় ")),
                                                          del(QStringLiteral("পুলিশ")),
                                                          ins(QStringLiteral("আদালত")),
                                                          eq(QStringLiteral(" প্রশিক্ষণ শেষ হয়েছে"))};
    // A vowel sign changed inside one word: the whole word is marked, never half a letter.
    QTest::newRow("bengali vowel sign")
        << QStringLiteral("দুই হাজার মানুষ") << QStringLiteral("দুই হাজারো মানুষ")
        << QVector<DiffSegment>{eq(QStringLiteral("দুই ")), del(QStringLiteral("হাজার")),
                                ins(QStringLiteral("হাজারো")), eq(QStringLiteral(" মানুষ"))};
    QTest::newRow("tamil") << QStringLiteral("சென்னை அருகே செங்கல் சூளை")
                           << QStringLiteral("சென்னை அருகே சூளை")
                           << QVector<DiffSegment>{eq(QStringLiteral("சென்னை அருகே ")),
                                                   del(QStringLiteral("செங்கல் ")),
                                                   eq(QStringLiteral("சூளை"))};
}

void TestWorkflowText::wordDiff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QVector<DiffSegment>, expected);
    const QVector<DiffSegment> got = diffWords(before, after);
    QCOMPARE(got, expected);
    // Whatever the segments, they rebuild both texts.
    QString a;
    QString b;
    for (const DiffSegment &s : got) {
        a += s.kind == Kind::Inserted ? QString() : s.text;
        b += s.kind == Kind::Removed ? QString() : s.text;
    }
    QCOMPARE(a, before);
    QCOMPARE(b, after);
}

void TestWorkflowText::storyDiffMarksExactlyTheChangedWord()
{
    const Story a = sample();
    Story b = a;
    b.body.replace(QStringLiteral("three"), QStringLiteral("four"));
    const QVector<FieldDiff> diff = diffStories(a, b);
    QStringList changed;
    for (const FieldDiff &f : diff) {
        if (f.changed) {
            changed << f.field;
        }
    }
    QCOMPARE(changed, QStringList{QStringLiteral("body")});
    QCOMPARE(storyDiffToPlainText(diff),
             QStringLiteral(
                 "Body:\nGULU, UGANDA – For [-three-]{+four+} weeks the yard held a tent.\n"));
    QCOMPARE(storyDiffToPlainText(diffStories(a, a)), QStringLiteral("no differences\n"));
}

void TestWorkflowText::tagDiffIsASetDiff()
{
    const QVector<DiffSegment> d =
        diffTags({QStringLiteral("type/court"), QStringLiteral("Topic/justice-system")},
                 {QStringLiteral("topic/justice-system"), QStringLiteral("topic/digitisation")});
    QCOMPARE(diffToPlainText(d),
             QStringLiteral("{+topic/digitisation+}, topic/justice-system, [-type/court-]"));
}

void TestWorkflowText::renderings()
{
    const QVector<DiffSegment> d =
        diffWords(QStringLiteral("a <b> & c\nd"), QStringLiteral("a <i> & c\nd"));
    QCOMPARE(diffToPlainText(d), QStringLiteral("a <[-b-]{+i+}> & c\nd"));
    QCOMPARE(diffToHtml(d), QStringLiteral("a &lt;<del>b</del><ins>i</ins>&gt; &amp; c<br>d"));
    Story a = sample();
    Story b = a;
    b.headline = QStringLiteral("Court Clerks Scan 40,000 Case Files in Gulu");
    const QString html = storyDiffToHtml(diffStories(a, b));
    QVERIFY2(html.contains(QStringLiteral(
                 "<h4>Headline</h4><p>Court Clerks <del>Digitise</del><ins>Scan</ins> 40,000")),
             qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("<h4>Body</h4>")));
}

void TestWorkflowText::largeRewriteStaysCorrect()
{
    // Thousands of differing words: beyond the edit-distance budget the diff gives up on
    // detail, never on correctness.
    QString a;
    QString b;
    for (int i = 0; i < 3000; ++i) {
        a += QStringLiteral("alpha%1 ").arg(i);
        b += QStringLiteral("beta%1 ").arg(i);
    }
    const QVector<DiffSegment> d = diffWords(a, b);
    QString ra;
    QString rb;
    for (const DiffSegment &s : d) {
        ra += s.kind == Kind::Inserted ? QString() : s.text;
        rb += s.kind == Kind::Removed ? QString() : s.text;
    }
    QCOMPARE(ra, a);
    QCOMPARE(rb, b);
}

void TestWorkflowText::contentHashSerialisation()
{
    Story s;
    s.headline = QStringLiteral("Héadline");
    s.datelineCity = QStringLiteral("GULU");
    s.body = QStringLiteral("Line 1\nLine 2");
    s.language = QStringLiteral("en");
    s.tags = QStringList{QStringLiteral("type/court"), QStringLiteral("topic/a"),
                         QStringLiteral("type/court")};
    const QByteArray expected = "fieldoffice-content-v1\n"
                                "headline:9:H\xC3\xA9"
                                "adline\n"
                                "dateline-city:4:GULU\n"
                                "dateline-country:0:\n"
                                "byline:0:\n"
                                "summary:0:\n"
                                "body:13:Line 1\nLine 2\n"
                                "language:2:en\n"
                                "tags:2\n"
                                "tag:7:topic/a\n"
                                "tag:10:type/court\n";
    QCOMPARE(contentSerialisation(s), expected);
    QCOMPARE(contentHash(s),
             QCryptographicHash::hash(expected, QCryptographicHash::Sha256).toHex());
    // Without office and embargo the hash is what it always was.
    QCOMPARE(legacyContentHash(s), contentHash(s));
    // Office and embargo follow only when set.
    s.officeName = QStringLiteral("Gulu");
    s.embargoAt = QDateTime(QDate(2026, 12, 10), QTime(9, 0), Qt::UTC);
    const QByteArray withBoth = expected + "office:4:Gulu\nembargo:24:2026-12-10T09:00:00.000Z\n";
    QCOMPARE(contentSerialisation(s), withBoth);
    QCOMPARE(legacyContentHash(s),
             QCryptographicHash::hash(expected, QCryptographicHash::Sha256).toHex());
}

void TestWorkflowText::contentHashCoversExportedFieldsOnly()
{
    const Story a = sample();
    const QByteArray h = contentHash(a);
    QCOMPARE(h.size(), 64);
    Story b = a;
    std::reverse(b.tags.begin(), b.tags.end());
    b.status = StoryStatus::Released;
    b.id = 42;
    QCOMPARE(contentHash(b), h); // order of tags, state, id: not exported content
    // The office (a packet's contents) and the embargo (its line) are printed: they count.
    Story office = a;
    office.officeName = QStringLiteral("Kampala");
    QVERIFY(contentHash(office) != h);
    Story embargo = a;
    embargo.embargoAt = QDateTime(QDate(2026, 12, 10), QTime(9, 0), Qt::UTC);
    QVERIFY(contentHash(embargo) != h);
    Story later = embargo;
    later.embargoAt = later.embargoAt.addSecs(60);
    QVERIFY(contentHash(later) != contentHash(embargo));
    // Fields cannot run into each other.
    Story c = a;
    Story d = a;
    c.headline = QStringLiteral("ab");
    c.byline = QStringLiteral("c");
    d.headline = QStringLiteral("a");
    d.byline = QStringLiteral("bc");
    QVERIFY(contentHash(c) != contentHash(d));
    Story e = a;
    e.summary += QLatin1Char(' ');
    QVERIFY(contentHash(e) != h); // a trailing blank is a change
}

void TestWorkflowText::anchorFollowsItsPassage()
{
    const QString body = QStringLiteral("GULU, UGANDA – For three weeks the yard held a tent. "
                                        "Amina*, 16, told the team what changed.");
    const int at = int(body.indexOf(QStringLiteral("Amina*, 16")));
    const CommentAnchor anchor = CommentAnchor::fromSelection(body, at, 10);
    QCOMPARE(anchor.quote, QStringLiteral("Amina*, 16"));
    QCOMPARE(anchor.before.size(), CommentAnchor::kContextLength);
    // Text is added before and after; the words around the quote change too.
    const QString edited =
        QStringLiteral("KAMPALA – A new first paragraph.\n\nGULU, UGANDA – For four "
                       "long weeks the courthouse yard held a tent. Amina*, 16, "
                       "said what changed.\n\n*Name changed.");
    const AnchorMatch m = locateAnchor(anchor, edited);
    QCOMPARE(int(m.kind), int(AnchorMatch::Kind::Exact));
    QCOMPARE(edited.mid(m.start, m.length), QStringLiteral("Amina*, 16"));
    QVERIFY(locateAnchor(CommentAnchor(), edited).kind == AnchorMatch::Kind::General);
}

void TestWorkflowText::anchorPrefersMatchingSurroundings()
{
    const QString body =
        QStringLiteral("The police came. Later the court met. Then the police left.");
    const int second = int(body.lastIndexOf(QStringLiteral("police")));
    const CommentAnchor anchor = CommentAnchor::fromSelection(body, second, 6);
    // A long paragraph lands before both: the nearest-offset copy would now be the first one.
    const QString edited = QString(QStringLiteral("x")).repeated(45) + QStringLiteral(" ") + body;
    const AnchorMatch m = locateAnchor(anchor, edited);
    QCOMPARE(int(m.kind), int(AnchorMatch::Kind::Exact));
    QCOMPARE(m.start, int(edited.lastIndexOf(QStringLiteral("police"))));
}

void TestWorkflowText::anchorFallsBackToContext()
{
    const QString body = QStringLiteral("For three weeks the yard of the courthouse held a long "
                                        "white tent where volunteers sorted case files by year.");
    const int at = int(body.indexOf(QStringLiteral("a long white tent")));
    const CommentAnchor anchor = CommentAnchor::fromSelection(body, at, 17);
    // The quoted words themselves were rewritten; the text around them was not.
    QString edited = body;
    edited.replace(QStringLiteral("a long white tent"), QStringLiteral("a large canvas shelter"));
    const AnchorMatch m = locateAnchor(anchor, edited);
    QCOMPARE(int(m.kind), int(AnchorMatch::Kind::Approximate));
    QCOMPARE(edited.mid(m.start, m.length), QStringLiteral("a large canvas shelter"));
}

void TestWorkflowText::anchorLost()
{
    const QString body = QStringLiteral("For three weeks the yard of the courthouse held a long "
                                        "white tent where volunteers sorted case files by year.");
    const CommentAnchor anchor = CommentAnchor::fromSelection(body, 49, 17);
    const AnchorMatch m = locateAnchor(anchor, QStringLiteral("Entirely new text."));
    QCOMPARE(int(m.kind), int(AnchorMatch::Kind::Lost));
}

QTEST_GUILESS_MAIN(TestWorkflowText)
#include "tst_workflow_text.moc"
