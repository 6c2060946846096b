// The packet PDF's page layout (issue 12 item 19): the cover carries no page number and the
// numbers count from the contents; a story starts under the end of the one before when at least
// a third of the page is left, so no story's tail has a page to itself while another follows;
// a headline never ends a page without its story's first lines.

#include "exportfixtures.h"

#include "export/packet.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fo;
using namespace exportfixtures;

namespace {

constexpr int kFirstStoryPage = 3; // after the cover and one page of contents

/// The first page (1-based), from `from` on, whose text holds `text`, spaces aside; 0 when none.
int pageOf(const QStringList &pages, const QString &text, int from = kFirstStoryPage)
{
    for (int i = from; i < pages.size(); ++i) {
        if (squeeze(pages.at(i)).contains(squeeze(text))) {
            return i;
        }
    }
    return 0;
}

/// Lines of a page's text, without the running header and the folio.
int textLines(const QString &page)
{
    int n = 0;
    for (const QString &line : page.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(QLatin1String("Page ")) &&
            !t.contains(QLatin1String("Spring Stories 2026"))) {
            ++n;
        }
    }
    return n;
}

} // namespace

class TestPacketLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void coverCarriesNoFolio();
    void noStoryTailHasAPageToItself();
    void headlinesKeepTheirFirstLines();

private:
    QTemporaryDir mDir;
    QString mPdf;
    QStringList mPages{QString()}; // 1-based
    Packet mPacket;
};

void TestPacketLayout::initTestCase()
{
    mPacket = makePacket(12, false);
    mPdf = mDir.filePath(QStringLiteral("packet.pdf"));
    QString error;
    QVERIFY2(said(writePacket(mPacket, mPdf, PacketOptions()), &error), qPrintable(error));
    const int pages = pdfPageCount(mPdf);
    QVERIFY(pages > 3);
    for (int i = 1; i <= pages; ++i) {
        mPages << pdfText(mPdf, i, i, true);
    }
}

void TestPacketLayout::coverCarriesNoFolio()
{
    const int pages = mPages.size() - 1;
    QVERIFY2(!mPages.at(1).contains(QStringLiteral("Page ")), qPrintable(mPages.at(1)));
    QVERIFY(mPages.at(1).contains(mPacket.title));
    // The contents is page 1 of the numbered pages; the last page is "Page N-1 of N-1".
    for (int i = 2; i <= pages; ++i) {
        QVERIFY2(mPages.at(i).contains(QStringLiteral("Page %1 of %2").arg(i - 1).arg(pages - 1)),
                 qPrintable(QStringLiteral("page %1:\n%2").arg(i).arg(mPages.at(i))));
    }
    // The contents names the printed number of the page where each story starts.
    const QString contents = mPages.at(2);
    for (const PacketStory &ps : mPacket.stories) {
        const auto m = QRegularExpression(QRegularExpression::escape(ps.story.headline) +
                                              QStringLiteral("[ .]+(\\d+)\\s*$"),
                                          QRegularExpression::MultilineOption)
                           .match(contents);
        QVERIFY2(m.hasMatch(), qPrintable(ps.story.headline + QStringLiteral("\n") + contents));
        const int printed = m.captured(1).toInt();
        QVERIFY2(printed >= 2 && printed + 1 <= pages, qPrintable(m.captured(0)));
        QVERIFY2(mPages.at(printed + 1).contains(QStringLiteral("Page %1 of").arg(printed)),
                 qPrintable(m.captured(0)));
        QCOMPARE(pageOf(mPages, ps.story.headline), printed + 1);
    }
    QVERIFY(!mPages.at(kFirstStoryPage).contains(QStringLiteral("Contents")));
}

void TestPacketLayout::noStoryTailHasAPageToItself()
{
    // A story begins on a new page only when the page before has less than a third left: that
    // page is full to two thirds at least. A full page holds about 40 lines of body text.
    int previous = kFirstStoryPage;
    int newPages = 0;
    for (int i = 1; i < mPacket.stories.size(); ++i) {
        const int start = pageOf(mPages, mPacket.stories.at(i).story.headline);
        QVERIFY(start >= previous);
        if (start > previous) {
            ++newPages;
            const int lines = textLines(mPages.at(start - 1));
            QVERIFY2(lines >= 22, qPrintable(QStringLiteral("story %1 ends alone on page %2 with "
                                                            "%3 lines:\n%4")
                                                 .arg(i)
                                                 .arg(start - 1)
                                                 .arg(lines)
                                                 .arg(mPages.at(start - 1))));
        }
        previous = start;
    }
    QVERIFY(newPages > 0); // the packet is long enough to need a page break between stories
}

void TestPacketLayout::headlinesKeepTheirFirstLines()
{
    for (const PacketStory &ps : mPacket.stories) {
        const int headline = pageOf(mPages, ps.story.headline);
        QVERIFY(headline > 2);
        // The dateline opens the first paragraph: on the headline's page.
        const QString page = squeeze(mPages.at(headline));
        const int at = page.indexOf(squeeze(ps.story.headline));
        QVERIFY2(page.indexOf(QStringLiteral("GULU,UGANDA"), at) > at,
                 qPrintable(QStringLiteral("%1 on page %2 without its first lines:\n%3")
                                .arg(ps.story.headline)
                                .arg(headline)
                                .arg(mPages.at(headline))));
    }
}

QTEST_MAIN(TestPacketLayout)
#include "tst_packetlayout.moc"
