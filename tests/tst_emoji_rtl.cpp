// Emoji and right-to-left text (issue 12 item 9): emoji reach the PDF's text layer as the code
// points the journalist wrote, and Arabic and Hebrew paragraphs are aligned right in all four
// views (the editor and the PDF do it by themselves; the exported HTML and the preview follow).

#include "editor/previewpane.h"
#include "exportfixtures.h"

#include "export/htmlexporter.h"
#include "export/pdfexporter.h"

#include <QAbstractTextDocumentLayout>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QtTest>

using namespace fo;
using namespace exportfixtures;
using exportchecks::allowListViolations;

namespace {

const QString kArabic = QStringLiteral("مرحبا بكم في المكتب الميداني.");
const QString kHebrew = QStringLiteral("שלום לכולם מהמשרד.");
const QString kEnglish = QStringLiteral("Back to English at the end.");

Story rtlStory()
{
    Story s = makeStory(QStringLiteral("Families return"),
                        QStringLiteral("The families came home.\n\n") + kArabic +
                            QStringLiteral("\n\n") + kHebrew + QStringLiteral("\n\n- ") + kArabic +
                            QStringLiteral("\n- second\n\n") + kEnglish + QStringLiteral("\n"));
    s.datelineCity.clear(); // the dateline would open the first paragraph in Latin letters
    s.datelineCountry.clear();
    return s;
}

/// The <p> or <li> start tag of the element whose text begins with `text`.
QString startTagBefore(const QString &html, const QString &text)
{
    const int at = html.indexOf(text);
    const int open = at < 0 ? -1 : html.lastIndexOf(QLatin1Char('<'), at);
    return open < 0 ? QString() : html.mid(open, at - open);
}

} // namespace

class TestEmojiRtl : public QObject
{
    Q_OBJECT

private slots:
    void htmlMarksRightToLeftBlocks();
    void htmlOfLeftToRightStoriesIsUnchanged();
    void previewAlignsRightToLeftParagraphsRight();
    void datelineLeavesAnArabicParagraphRightToLeft();
    void pdfTextLayerCarriesTheEmoji();

private:
    QTemporaryDir mDir;
};

void TestEmojiRtl::htmlMarksRightToLeftBlocks()
{
    const QString html = renderStoryHtml(rtlStory());
    QCOMPARE(startTagBefore(html, kArabic), QStringLiteral("<p dir=\"rtl\">"));
    QCOMPARE(startTagBefore(html, kHebrew), QStringLiteral("<p dir=\"rtl\">"));
    QVERIFY2(html.contains(QStringLiteral("<li dir=\"rtl\">") + kArabic), qPrintable(html));
    QCOMPARE(startTagBefore(html, kEnglish), QStringLiteral("<p>"));
    QVERIFY2(html.contains(QStringLiteral("<li>second")), qPrintable(html));
    // Still valid HTML5 on the export's allow-list, as tst_export checks every export.
    QCOMPARE(allowListViolations(html, false), QStringList());
    const QString file = mDir.filePath(QStringLiteral("rtl.html"));
    QVERIFY(writeStoryHtml(rtlStory(), file, HtmlOptions()).ok());
    const ToolRun tidy =
        runTool(QStringLiteral("tidy"), {QStringLiteral("-q"), QStringLiteral("-e"), file});
    QVERIFY2(tidy.code == 0 && tidy.err.trimmed().isEmpty(), qPrintable(tidy.err));
}

void TestEmojiRtl::htmlOfLeftToRightStoriesIsUnchanged()
{
    // A story without right-to-left text gets no dir attribute at all: its export is as before.
    const Story s = makeStory(QStringLiteral("Court files"),
                              QStringLiteral("One.\n\n## Two\n\n- three\n\n> four சென்னை\n"));
    QVERIFY(!renderStoryHtml(s).contains(QStringLiteral("dir=")));
}

void TestEmojiRtl::previewAlignsRightToLeftParagraphsRight()
{
    PreviewPane pane;
    pane.resize(700, 900);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.showStory(rtlStory(), false);
    QTextDocument *doc = pane.document();
    auto lineOf = [doc](const QString &text) {
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            if (b.text().startsWith(text) && b.layout() && b.layout()->lineCount() == 1) {
                const QRectF box = doc->documentLayout()->blockBoundingRect(b);
                const QRectF line = b.layout()->lineAt(0).naturalTextRect();
                return qMakePair(line.left(), box.width() - line.right());
            }
        }
        return qMakePair(-1.0, -1.0);
    };
    // (space on the left, space on the right) of each one-line paragraph.
    const auto english = lineOf(kEnglish);
    const auto arabic = lineOf(kArabic);
    const auto hebrew = lineOf(kHebrew);
    QVERIFY2(english.first >= 0 && english.first < english.second,
             qPrintable(QStringLiteral("%1 %2").arg(english.first).arg(english.second)));
    QVERIFY2(arabic.first > arabic.second + 100,
             qPrintable(QStringLiteral("%1 %2").arg(arabic.first).arg(arabic.second)));
    QVERIFY2(hebrew.first > hebrew.second + 100,
             qPrintable(QStringLiteral("%1 %2").arg(hebrew.first).arg(hebrew.second)));
}

void TestEmojiRtl::datelineLeavesAnArabicParagraphRightToLeft()
{
    // The editor shows the dateline in its own field and the Arabic paragraph right to left;
    // the dateline in front of it ("GULU, UGANDA –") must not turn it left to right elsewhere.
    const Story s = makeStory(QStringLiteral("Families return"),
                              kArabic + QStringLiteral("\n\n") + kEnglish + QStringLiteral("\n"));
    const QString html = renderStoryHtml(s);
    QVERIFY2(html.contains(QStringLiteral("<p dir=\"rtl\"><span class=\"dateline\">")),
             qPrintable(html));
    const QString file = mDir.filePath(QStringLiteral("dateline.pdf"));
    QString error;
    QVERIFY2(said(writeStoryPdf(s, file, PdfOptions()), &error), qPrintable(error));
    // Set right to left, the dateline opens the paragraph at the right-hand side of the page.
    const QString words =
        runTool(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), file, QStringLiteral("-")})
            .out;
    auto xMin = [&words](const QString &word) {
        const auto m =
            QRegularExpression(QStringLiteral("xMin=\"([0-9.]+)\"[^>]*>") +
                               QRegularExpression::escape(word) + QStringLiteral("</word>"))
                .match(words);
        return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
    };
    QVERIFY2(xMin(QStringLiteral("GULU,")) > 595.0 / 2, qPrintable(words));
    QVERIFY2(xMin(QStringLiteral("Back")) >= 0 && xMin(QStringLiteral("Back")) < 100,
             qPrintable(words));
    // The mark that sets the direction draws nothing and adds no visible text.
    QVERIFY(squeeze(pdfText(file)).contains(QStringLiteral("GULU,UGANDA")));
}

void TestEmojiRtl::pdfTextLayerCarriesTheEmoji()
{
    const QStringList emoji{QStringLiteral("\U0001F64F"), QStringLiteral("\U0001F60A"),
                            QStringLiteral("\u270A"), QStringLiteral("\U0001F469"),
                            QStringLiteral("\U0001F4BB")};
    Story s =
        makeStory(QStringLiteral("Families ") + emoji.at(0) + QStringLiteral(" return"),
                  QStringLiteral("They came home ") + emoji.at(1) +
                      QStringLiteral(" after years. A fist ") + emoji.at(2) +
                      QStringLiteral(" and a volunteer ") + emoji.at(3) + QStringLiteral("\u200D") +
                      emoji.at(4) + QStringLiteral(" typed. Keycap 1\uFE0F\u20E3 too.\n\n") +
                      kArabic + QStringLiteral("\n"));
    const QString file = mDir.filePath(QStringLiteral("emoji.pdf"));
    QString error;
    QVERIFY2(said(writeStoryPdf(s, file, PdfOptions()), &error), qPrintable(error));
    const QString text = pdfText(file);
    for (const QString &e : emoji) {
        QVERIFY2(text.contains(e), qPrintable(QStringLiteral("%1 missing from:\n%2")
                                                  .arg(QString::number(e.toUcs4().at(0), 16))
                                                  .arg(text)));
    }
    QVERIFY2(!text.contains(QChar(0xFFFD)), qPrintable(text));
    // An emoji form asked for by its selector (a keycap) is text too, not a picture.
    QVERIFY2(text.contains(QStringLiteral("1\u20E3")), qPrintable(text));
    // No hex digits of a missing glyph's box between the words.
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("home \\S+ after"))),
             qPrintable(text));
    QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("[0-9A-F]{4,}"))), qPrintable(text));
    QVERIFY2(squeeze(text).contains(squeeze(kArabic.left(5))), qPrintable(text));
}

QTEST_MAIN(TestEmojiRtl)
#include "tst_emoji_rtl.moc"
