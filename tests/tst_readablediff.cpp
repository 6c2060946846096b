// Issue 12 item 12: the diff a reviewer reads shows the text as readers see it (no `**`, no
// `Sarika\*`, no `##`, no `-`), cut to the changed passages with a few words around them, and
// the changed details (headline, dateline, …) before the text.

#include "domain/story.h"
#include "history/readablediff.h"

#include <QtTest>

using namespace fo;

namespace {

Story story(const QString &body)
{
    Story s;
    s.headline = QStringLiteral("Court Clerks Digitise Case Files");
    s.datelineCity = QStringLiteral("GULU");
    s.datelineCountry = QStringLiteral("UGANDA");
    s.officeName = QStringLiteral("Gulu");
    s.byline = QStringLiteral("Field Office Communications");
    s.summary = QStringLiteral("Volunteers sorted records.");
    s.language = QStringLiteral("en");
    s.body = body;
    return s;
}

QString longParagraph(const QString &word, int count)
{
    QStringList words;
    for (int i = 0; i < count; ++i) {
        words << QStringLiteral("%1%2").arg(word).arg(i);
    }
    return words.join(QLatin1Char(' ')) + QLatin1Char('.');
}

QString textOf(const QVector<DiffSegment> &segments)
{
    QString out;
    for (const DiffSegment &s : segments) {
        out += s.text;
    }
    return out;
}

} // namespace

class TestReadableDiff : public QObject
{
    Q_OBJECT

private slots:
    void theTextIsRenderedWithoutMarkdown();
    void aChangeIsShownWithContextAndTheRestLeftOut();
    void farApartChangesAreTwoPassages();
    void closeChangesShareAPassage();
    void detailsComeFirstInTheReviewersOrder();
    void sameStoryHasNoDifferences();
};

void TestReadableDiff::theTextIsRenderedWithoutMarkdown()
{
    const QString before = QStringLiteral(
        "## Back at school\n\nSarika\\*, 16, met the **police officers**.\n\n- one\n- two\n");
    QCOMPARE(renderedBodyText(before),
             QStringLiteral("Back at school\nSarika*, 16, met the police officers.\n• one\n• two"));
    const Story a = story(before);
    Story b = a;
    b.body.replace(QStringLiteral("**police officers**"), QStringLiteral("**court clerks**"));
    const QString html = readableDiffToHtml(readableDiff(a, b));
    QVERIFY2(html.contains(QStringLiteral("<del>police officers</del>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("<ins>court clerks</ins>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("Sarika*, 16, met the")), qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("**")));
    QVERIFY(!html.contains(QStringLiteral("\\*")));
    QVERIFY(!html.contains(QStringLiteral("##")));
}

void TestReadableDiff::aChangeIsShownWithContextAndTheRestLeftOut()
{
    const QString head = longParagraph(QStringLiteral("alpha"), 60);
    const QString tail = longParagraph(QStringLiteral("omega"), 60);
    const QString before = head + QStringLiteral("\n\n") + longParagraph(QStringLiteral("w"), 40) +
                           QStringLiteral("\n\n") + tail + QLatin1Char('\n');
    QString after = before;
    after.replace(QStringLiteral("w20 "), QStringLiteral("changed "));
    const QVector<DiffHunk> hunks = diffHunks(renderedBodyText(before), renderedBodyText(after), 5);
    QCOMPARE(hunks.size(), 1);
    const DiffHunk &h = hunks.first();
    QVERIFY(h.cutBefore);
    QVERIFY(h.cutAfter);
    const QString shown = textOf(h.segments);
    QVERIFY2(shown.startsWith(QStringLiteral("w15 w16")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QStringLiteral("w24 w25")), qPrintable(shown));
    QVERIFY(!shown.contains(QStringLiteral("alpha")));
    QVERIFY(!shown.contains(QStringLiteral("omega")));
}

void TestReadableDiff::farApartChangesAreTwoPassages()
{
    const QString before = longParagraph(QStringLiteral("w"), 80);
    QString after = before;
    after.replace(QStringLiteral("w5 "), QStringLiteral("five "));
    after.replace(QStringLiteral("w70 "), QStringLiteral("seventy "));
    const QVector<DiffHunk> hunks = diffHunks(before, after, 4);
    QCOMPARE(hunks.size(), 2);
    QVERIFY(textOf(hunks.at(0).segments).contains(QStringLiteral("five")));
    QVERIFY(textOf(hunks.at(1).segments).contains(QStringLiteral("seventy")));
    QVERIFY(hunks.at(0).cutAfter);
    QVERIFY(hunks.at(1).cutBefore);
    QVERIFY(!textOf(hunks.at(0).segments).contains(QStringLiteral("w40")));
}

void TestReadableDiff::closeChangesShareAPassage()
{
    const QString before = longParagraph(QStringLiteral("w"), 80);
    QString after = before;
    after.replace(QStringLiteral("w30 "), QStringLiteral("thirty "));
    after.replace(QStringLiteral("w33 "), QStringLiteral("thirty-three "));
    const QVector<DiffHunk> hunks = diffHunks(before, after, 4);
    QCOMPARE(hunks.size(), 1);
    QVERIFY(textOf(hunks.first().segments).contains(QStringLiteral("w31 w32")));
}

void TestReadableDiff::detailsComeFirstInTheReviewersOrder()
{
    const Story a = story(QStringLiteral("Text.\n"));
    Story b = a;
    b.byline = QStringLiteral("Kampala Communications");
    b.headline = QStringLiteral("Court Clerks Digitise 40,000 Case Files");
    b.tags = QStringList{QStringLiteral("topic/justice-system")};
    b.body = QStringLiteral("Text, changed.\n");
    const ReadableDiff diff = readableDiff(a, b);
    QStringList order;
    for (const FieldDiff &f : diff.fields) {
        order << f.field;
    }
    QCOMPARE(order, (QStringList{QStringLiteral("headline"), QStringLiteral("tags"),
                                 QStringLiteral("byline")}));
    const QString html = readableDiffToHtml(diff);
    QVERIFY(html.indexOf(QStringLiteral("Headline")) < html.indexOf(QStringLiteral("Byline")));
    QVERIFY(html.indexOf(QStringLiteral("Byline")) < html.indexOf(QStringLiteral("<h4>Text")));
}

void TestReadableDiff::sameStoryHasNoDifferences()
{
    const Story a = story(QStringLiteral("Same.\n"));
    QVERIFY(readableDiff(a, a).isEmpty());
}

QTEST_MAIN(TestReadableDiff)
#include "tst_readablediff.moc"
