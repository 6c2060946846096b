// Export: what a journalist opening our HTML and PDF files gets. Safe HTML (allow-list, tidy),
// the exact text of every script in the PDF, packets whose contents pages tell the truth, and
// files that are written whole or not at all.

#include "clirun.h"
#include "exportchecks.h"
#include "exportfixtures.h"
#include "refusaltesting.h"

#include "demo/demolibrary.h"
#include "export/htmlexporter.h"
#include "export/packet.h"
#include "export/pdfexporter.h"
#include "export/storydocument.h"
#include "library/database.h"
#include "library/organisationsettings.h"
#include "libraryopentesting.h"
#include "stories/storyrepository.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace fo;
using namespace exportchecks;
using namespace exportfixtures;

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void markdownModel_data();
    void markdownModel();
    void hostileMarkdown_data();
    void hostileMarkdown();
    void demoStoriesAreSafeAndTidy_data();
    void demoStoriesAreSafeAndTidy();
    void draftMarkInHtml();
    void pdfKeepsEveryScript_data();
    void pdfKeepsEveryScript();
    void pdfShowsWhatNoFontHas_data();
    void pdfShowsWhatNoFontHas();
    void pdfSurvivesDeepNesting_data();
    void pdfSurvivesDeepNesting();
    void pdfOfALongParagraph();
    void packetPdf_data();
    void packetPdf();
    void packetHtml_data();
    void packetHtml();
    void failedWritesLeaveNothing();
    void cancelledPacketLeavesTheOldOne();
    void htmlFolderReplacesOnlyAPacket();
    void twoPacketsInOneFolderKeepBothManifests();
    void commandLine();

private:
    QString path(const QString &name) const { return mDir.filePath(name); }
    void checkTidy(const QString &file);

    QTemporaryDir mDir;
    QString mLibrary;
    QVector<Story> mDemo;
};

void TestExport::initTestCase()
{
    QVERIFY(mDir.isValid());
    mLibrary = path(QStringLiteral("demo.fieldoffice"));
    QString error;
    auto db = fo::testing::openLibrary(mLibrary, Database::OpenMode::CreateNew, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY2(fo::testing::said(createDemoLibrary(*db), &error).value_or(-1) > 0, qPrintable(error));
    StoryRepository stories(*db);
    const QVector<StoryRow> rows = stories.list(StoryFilter(), 0, 1000, false).value_or({});
    for (const StoryRow &row : rows) {
        const auto s = stories.get(row.id);
        QVERIFY(s);
        mDemo.append(*s);
    }
    QVERIFY(mDemo.size() >= 10);
}

void TestExport::markdownModel_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("expected"); // fragments of the exported HTML
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("dateline before the first paragraph")
        << QStringLiteral("For three weeks, the yard held a tent.")
        << QStringList{QStringLiteral("<p><span class=\"dateline\">GULU, UGANDA \u2013</span> For "
                                      "three weeks")}
        << QStringList();
    QTest::newRow("a typed dateline is shown once")
        << QStringLiteral("GULU, UGANDA \u2013 For three weeks, the yard held a tent.")
        << QStringList{QStringLiteral("<span class=\"dateline\">GULU, UGANDA \u2013</span> For "
                                      "three weeks")}
        << QStringList{QStringLiteral("</span> GULU")};
    QTest::newRow("pseudonym asterisk is text, footnote is a footnote")
        << QStringLiteral(
               "Amina\\*, 16, told the team.\n\n\\*Name changed to protect her identity.")
        << QStringList{QStringLiteral("Amina*, 16"),
                       QStringLiteral("<footer class=\"footnotes\">\n<p>*Name changed to protect "
                                      "her identity.</p>")}
        << QStringList{QStringLiteral("<em>")};
    QTest::newRow("unescaped pseudonym and footnote")
        << QStringLiteral("When Nakato* landed.\n\n*Name changed to protect her identity.")
        << QStringList{QStringLiteral("Nakato* landed"),
                       QStringLiteral("<p>*Name changed to protect her identity.</p>\n</footer>")}
        << QStringList{QStringLiteral("<em>")};
    QTest::newRow("nested and numbered lists")
        << QStringLiteral("Text.\n\n3. three\n4. four\n   - inner\n")
        << QStringList{QStringLiteral("<ol start=\"3\">"),
                       QStringLiteral("<li>four<ul>\n<li>inner</li>")}
        << QStringList();
    QTest::newRow("inline styles, breaks and entities")
        << QStringLiteral("**bold** *it* `a<b`  \nnext &amp; &copy; &#x41; &bogus;")
        << QStringList{QStringLiteral("<strong>bold</strong>"), QStringLiteral("<em>it</em>"),
                       QStringLiteral("<code>a&lt;b</code>"),
                       QStringLiteral("<br>\nnext &amp; \u00a9 A &amp;bogus;")}
        << QStringList();
    QTest::newRow("headings, quotes, rules")
        << QStringLiteral("Text.\n\n## Section\n\n> quoted\n\n---\n\nAfter.")
        << QStringList{QStringLiteral("<h2>Section</h2>"),
                       QStringLiteral("<blockquote>\n<p>quoted</p>"), QStringLiteral("<hr>")}
        << QStringList();
    QTest::newRow("web and mail links stay links")
        << QStringLiteral(
               "[site](https://example.org/a?b=1&c=2) and [mail](mailto:press@example.org)")
        << QStringList{QStringLiteral("<a href=\"https://example.org/a?b=1&amp;c=2\">site</a>"),
                       QStringLiteral("<a href=\"mailto:press@example.org\">mail</a>")}
        << QStringList();
}

void TestExport::markdownModel()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    const QString html = renderStoryHtml(makeStory(QStringLiteral("Headline"), markdown));
    for (const QString &e : expected) {
        QVERIFY2(html.contains(e), qPrintable(e + QStringLiteral("\n---\n") + html));
    }
    for (const QString &a : absent) {
        QVERIFY2(!html.contains(a), qPrintable(a));
    }
    QVERIFY(allowListViolations(html, false).isEmpty());
}

void TestExport::hostileMarkdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("shownText"); // what the reader sees instead
    const auto row = [](const char *name, const QString &md, const QString &shown) {
        QTest::newRow(name) << md << shown;
    };
    row("raw script", QStringLiteral("<script>alert(1)</script>"),
        QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;"));
    row("img onerror", QStringLiteral("Hi <img src=x onerror=alert(1)> there"),
        QStringLiteral("&lt;img src=x onerror=alert(1)&gt;"));
    row("svg onload block", QStringLiteral("<svg onload=alert(1)>\n\ntext"),
        QStringLiteral("&lt;svg onload=alert(1)&gt;"));
    row("raw anchor", QStringLiteral("<a href=\"javascript:alert(1)\">x</a>"),
        QStringLiteral("&lt;a href=&quot;javascript:alert(1)&quot;&gt;"));
    row("javascript link", QStringLiteral("[click](javascript:alert(1))"), QStringLiteral("click"));
    row("mixed-case scheme", QStringLiteral("[click](JaVaScRiPt:alert(1))"),
        QStringLiteral("click"));
    row("entity-hidden scheme", QStringLiteral("[click](&#106;avascript:alert(1))"),
        QStringLiteral("click"));
    row("autolink scheme", QStringLiteral("<javascript:alert(1)>"),
        QStringLiteral("javascript:alert(1)"));
    row("vbscript link", QStringLiteral("[v](vbscript:msgbox)"), QStringLiteral("v"));
    row("data link", QStringLiteral("[d](data:text/html,<script>alert(1)</script>)"),
        QStringLiteral(" d</p>"));
    row("file link", QStringLiteral("[f](file:///etc/passwd)"), QStringLiteral("f"));
    row("protocol-relative link", QStringLiteral("[p](//evil.example/x)"), QStringLiteral("p"));
    row("remote image", QStringLiteral("![A photo of the court](https://evil.example/track.png)"),
        QStringLiteral("A photo of the court"));
    row("data image", QStringLiteral("![inline](data:image/png;base64,iVBORw0KGgo=)"),
        QStringLiteral("inline"));
    row("linked image",
        QStringLiteral("[![alt text](https://evil.example/i.png)](https://example.org/)"),
        QStringLiteral("alt text"));
    row("style block", QStringLiteral("<style>body{background:url(https://evil.example/)}</style>"),
        QStringLiteral("&lt;style&gt;"));
    row("iframe", QStringLiteral("<iframe src=\"https://evil.example/\"></iframe>"),
        QStringLiteral("&lt;iframe"));
    row("control characters", QStringLiteral("a\u0001b\u0008c"), QStringLiteral("a\ufffdb\ufffdc"));
}

void TestExport::hostileMarkdown()
{
    QFETCH(QString, markdown);
    QFETCH(QString, shownText);
    Story s = makeStory(QStringLiteral("<b onmouseover=alert(1)>Headline</b>"), markdown);
    s.summary = QStringLiteral("\"><script>alert(2)</script>");
    s.language = QStringLiteral("en\" onload=\"x");
    const QString html = renderStoryHtml(s);
    const QStringList problems = allowListViolations(html, false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(html.contains(shownText), qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(html.contains(QStringLiteral("<html lang=\"und\">")));
    const QString file = path(QStringLiteral("hostile.html"));
    QString error;
    QVERIFY2(said(writeStoryHtml(s, file, HtmlOptions()), &error), qPrintable(error));
    checkTidy(file);
    // The PDF shows the same text and links nowhere unsafe.
    const QString pdf = path(QStringLiteral("hostile.pdf"));
    QVERIFY2(said(writeStoryPdf(s, pdf, PdfOptions()), &error), qPrintable(error));
    for (const QString &uri : readPdf(fileBytes(pdf)).uris) {
        QVERIFY2(uri.startsWith(QStringLiteral("https://")) ||
                     uri.startsWith(QStringLiteral("mailto:")),
                 qPrintable(uri));
    }
}

void TestExport::checkTidy(const QString &file)
{
    const ToolRun tidy =
        runTool(QStringLiteral("tidy"), {QStringLiteral("-q"), QStringLiteral("-e"), file});
    QVERIFY2(tidy.code == 0 && tidy.err.trimmed().isEmpty(),
             qPrintable(QStringLiteral("tidy %1: %2").arg(tidy.code).arg(tidy.err)));
}

void TestExport::demoStoriesAreSafeAndTidy_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("draft");
    for (int i = 0; i < mDemo.size(); ++i) {
        const QByteArray name = QByteArray::number(mDemo.at(i).id);
        QTest::newRow(name.constData()) << i << false;
        QTest::newRow((name + " draft").constData()) << i << true;
    }
}

void TestExport::demoStoriesAreSafeAndTidy()
{
    QFETCH(int, index);
    QFETCH(bool, draft);
    const Story &s = mDemo.at(index);
    HtmlOptions options;
    options.draft = draft;
    const QString html = renderStoryHtml(s, options);
    const QStringList problems = allowListViolations(html, false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(html.contains(QStringLiteral("<html lang=\"%1\">").arg(s.language)));
    QVERIFY(html.contains(htmlEscape(s.headline)));
    QCOMPARE(html.contains(kDraftMark), draft);
    const QString file = path(QStringLiteral("demo-%1.html").arg(s.id));
    QString error;
    QVERIFY2(said(writeStoryHtml(s, file, options), &error), qPrintable(error));
    checkTidy(file);
}

void TestExport::draftMarkInHtml()
{
    const Story s = makeStory(QStringLiteral("Headline"), QStringLiteral("Body."));
    HtmlOptions options;
    QVERIFY(!renderStoryHtml(s, options).contains(kDraftMark));
    options.draft = true;
    QCOMPARE(renderStoryHtml(s, options).count(kDraftMark), 1);
}

void TestExport::pdfKeepsEveryScript_data()
{
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<QString>("paper"); // as pdfinfo reports it
    QTest::newRow("A4") << QStringLiteral("A4") << QStringLiteral("595.28 x 841.89 pts (A4)");
    QTest::newRow("Letter") << QStringLiteral("letter") << QStringLiteral("612 x 792 pts (letter)");
}

void TestExport::pdfKeepsEveryScript()
{
    QFETCH(QString, pageSize);
    QFETCH(QString, paper);
    const QString file = path(QStringLiteral("scripts-%1.pdf").arg(pageSize));
    PdfOptions options;
    options.pageSize = *parsePageSize(pageSize);
    QString error;
    QVERIFY2(said(writeStoryPdf(scriptStory(), file, options), &error), qPrintable(error));
    const QString text = pdfText(file);
    for (const QString &word :
         {QStringLiteral("পশ্চিমবঙ্গের"), QStringLiteral("சென்னை"), QStringLiteral("தமிழ்நாடு"),
          QStringLiteral("CHENNAI, INDIA \u2013 The fair")}) {
        QVERIFY2(text.contains(word), qPrintable(word + QStringLiteral(" not in:\n") + text));
    }
    QVERIFY(text.contains(QStringLiteral("Page 1 of 1")));
    QVERIFY(!text.contains(kDraftMark));
    QVERIFY(runTool(QStringLiteral("pdfinfo"), {file}).out.contains(paper));
    const QStringList fonts =
        runTool(QStringLiteral("pdffonts"), {file}).out.split(QLatin1Char('\n'));
    const QRegularExpression row(
        QStringLiteral("\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"));
    int count = 0;
    for (const QString &line : fonts) {
        const auto m = row.match(line);
        if (m.hasMatch()) {
            ++count;
            QVERIFY2(m.captured(1) == QLatin1String("yes") && m.captured(2) == QLatin1String("yes"),
                     qPrintable(QStringLiteral("not embedded as a subset: ") + line));
        }
    }
    QVERIFY(count >= 3); // serif, sans, Bengali and Tamil faces
}

void TestExport::pdfShowsWhatNoFontHas_data()
{
    QTest::addColumn<QString>("odd");
    QTest::addColumn<QString>("shown"); // what the text layer holds in its place
    const QString replacement(QChar(0xFFFD));
    QTest::newRow("U+10FFFF") << QStringLiteral("\U0010FFFF") << replacement;
    QTest::newRow("U+FFFE") << QStringLiteral("\uFFFE") << replacement;
    QTest::newRow("U+FDD0") << QStringLiteral("\uFDD0") << replacement;
    QTest::newRow("private use") << QStringLiteral("\uE000") << replacement;
    QTest::newRow("plane 15") << QStringLiteral("\U000F0000") << replacement;
    QTest::newRow("unassigned") << QStringLiteral("\u0378") << replacement;
    QTest::newRow("lone high surrogate") << QString(QChar(0xD83D)) << replacement;
    QTest::newRow("lone low surrogate") << QString(QChar(0xDE00)) << replacement;
    QTest::newRow("control") << QStringLiteral("\u0001") << QString();
}

void TestExport::pdfShowsWhatNoFontHas()
{
    QFETCH(QString, odd);
    QFETCH(QString, shown);
    Story s = makeStory(QStringLiteral("Head ") + odd + QStringLiteral(" line"),
                        QStringLiteral("Alpha ") + odd +
                            QStringLiteral(" Beta \U0001F469\u200D\U0001F4BB Gamma.\n\n"
                                           "[link](https://example.org/a) Delta ") +
                            odd + QStringLiteral(" Epsilon."));
    s.summary = odd;
    s.byline = QStringLiteral("By ") + odd;
    const QString file = path(QStringLiteral("odd-%1.pdf")
                                  .arg(QString::fromUtf8(QTest::currentDataTag())
                                           .replace(QLatin1Char(' '), QLatin1Char('-'))));
    QString error;
    QVERIFY2(said(writeStoryPdf(s, file, PdfOptions()), &error), qPrintable(error));
    const QString text = pdfText(file);
    // The headline, summary and byline reach the PDF as they are stored: the rule applies.
    QVERIFY2(text.simplified().contains(
                 (QStringLiteral("Head ") + shown + QStringLiteral(" line")).simplified()),
             qPrintable(text));
    // The body passes the Markdown reader first (which may have replaced a lone surrogate
    // already): one mark at most where the odd character was, never hex digits.
    static const QRegularExpression body(
        QStringLiteral("Alpha \\S? ?Beta .*Gamma\\.\\s+link Delta \\S? ?Epsilon\\."),
        QRegularExpression::DotMatchesEverythingOption);
    QVERIFY2(body.match(text).hasMatch(), qPrintable(text));
    // No hex digits of a missing glyph's box in the text (an emoji without an emoji font).
    QVERIFY2(
        !QRegularExpression(QStringLiteral("Beta [^G]*[0-9A-F]{2}\\s*\\n")).match(text).hasMatch(),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Gamma.")), qPrintable(text));
    const ToolRun check = runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), file});
    QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
}

void TestExport::pdfSurvivesDeepNesting_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("lists") << QStringLiteral("- ");
    QTest::newRow("quotes") << QStringLiteral("> ");
    QTest::newRow("ordered lists") << QStringLiteral("1. ");
}

void TestExport::pdfSurvivesDeepNesting()
{
    QFETCH(QString, prefix);
    // Built directly in a story, as a body stored before any import limit would be.
    const Story s = makeStory(QStringLiteral("Deep"),
                              prefix.repeated(20000) + QStringLiteral("bottom text\n\nAfter."));
    const QString file = path(QStringLiteral("deep-%1.pdf")
                                  .arg(QString::fromUtf8(QTest::currentDataTag())
                                           .replace(QLatin1Char(' '), QLatin1Char('-'))));
    QString error;
    QVERIFY2(said(writeStoryPdf(s, file, PdfOptions()), &error), qPrintable(error));
    const QString text = pdfText(file);
    QVERIFY2(text.contains(QStringLiteral("bottom text")), qPrintable(text.left(2000)));
}

void TestExport::pdfOfALongParagraph()
{
    // One paragraph of 300,000 characters: laid out in pieces, every word still there in order.
    QString body;
    int words = 0;
    for (int i = 0; body.size() < 300000; ++i, ++words) {
        body += QStringLiteral("word%1 ").arg(i);
        if (i % 37 == 36) {
            body += QStringLiteral("Sentence ends. ");
        }
    }
    const Story s = makeStory(QStringLiteral("Long"), body);
    const QString file = path(QStringLiteral("long.pdf"));
    QString error;
    QVERIFY2(said(writeStoryPdf(s, file, PdfOptions()), &error), qPrintable(error));
    static const QRegularExpression word(QStringLiteral("word(\\d+)"));
    auto it = word.globalMatch(pdfText(file));
    int expected = 0;
    while (it.hasNext()) {
        const int n = it.next().captured(1).toInt();
        QCOMPARE(n, expected);
        ++expected;
    }
    QCOMPARE(expected, words);
}

void TestExport::packetPdf_data()
{
    QTest::addColumn<bool>("draft");
    QTest::newRow("approved") << false;
    QTest::newRow("allow-unapproved") << true;
}

void TestExport::packetPdf()
{
    QFETCH(bool, draft);
    const Packet packet = makePacket(20, draft);
    const QString file = path(draft ? QStringLiteral("draft.pdf") : QStringLiteral("packet.pdf"));
    QString error;
    QVERIFY2(said(writePacket(packet, file, PacketOptions()), &error), qPrintable(error));
    const int pages = pdfPageCount(file);
    QVERIFY(pages > 12); // stories flow on where a third of a page is left (tst_packetlayout)
    QStringList pageTexts{QString()};
    for (int i = 1; i <= pages; ++i) {
        pageTexts << pdfText(file, i, i);
        // The cover carries no number; the contents is "Page 1".
        QVERIFY2(i == 1 ? !pageTexts.at(i).contains(QStringLiteral("Page "))
                        : pageTexts.at(i).contains(
                              QStringLiteral("Page %1 of %2").arg(i - 1).arg(pages - 1)),
                 qPrintable(QStringLiteral("page %1").arg(i)));
        QCOMPARE(pageTexts.at(i).contains(kDraftMark), draft);
    }
    // The contents (after the cover) name a page for each headline, by its printed number (the
    // file's page less one); the headline is on it.
    const QString contents = pdfText(file, 2, 3, true);
    const PdfFacts facts = readPdf(fileBytes(file));
    QCOMPARE(facts.pageObjects.size(), pages);
    for (int i = 0; i < packet.stories.size(); ++i) {
        const QString headline = packet.stories.at(i).story.headline;
        const auto m = QRegularExpression(QRegularExpression::escape(headline) +
                                              QStringLiteral("\\s+(\\d+)\\s*$"),
                                          QRegularExpression::MultilineOption)
                           .match(contents);
        QVERIFY2(m.hasMatch(), qPrintable(headline));
        const int page = m.captured(1).toInt() + 1;
        QVERIFY2(page > 2 && page <= pages, qPrintable(headline));
        QVERIFY2(squeeze(pageTexts.at(page)).contains(squeeze(headline)), qPrintable(headline));
        if (page > 1) {
            QVERIFY(!squeeze(pageTexts.at(page - 1))
                         .contains(squeeze(headline) + QStringLiteral("Volunteers")));
        }
        // Its contents entry links to that page.
        const QString dest = QStringLiteral("page-%1").arg(page);
        QVERIFY2(facts.linkDestinations.contains(dest), qPrintable(dest));
        QCOMPARE(facts.pageOfDestination(dest), page);
    }
    QVERIFY(facts.hasOutlines);
    QCOMPARE(facts.outlineTitles.size(), packet.stories.size());
    QCOMPARE(facts.outlineTitles.constFirst(), QStringLiteral("(Story 01 Court Files Digitised)"));
    // Safeguarding footnotes travel with their stories; the cover names the embargo-free packet.
    const QString all = pdfText(file);
    QVERIFY(all.contains(QStringLiteral("*Name changed to protect her identity.")));
    QVERIFY(all.contains(QStringLiteral("Amina*, 16, spoke in Tamil: சென்னை.")));
    QVERIFY(pageTexts.at(1).contains(QStringLiteral("Grace Achieng")));
    QVERIFY(!pageTexts.at(1).contains(QStringLiteral("EMBARGOED")));
    const QString info = runTool(QStringLiteral("pdfinfo"), {file}).out;
    QVERIFY(info.contains(QStringLiteral("Title:           Spring Stories 2026")));
    QVERIFY(info.contains(QStringLiteral("Author:          Field Office International")));
    QVERIFY(info.contains(QStringLiteral("Subject:         Press packet of 20 stories")));
    // The manifest beside it records what was approved.
    const QJsonObject manifest =
        QJsonDocument::fromJson(fileBytes(manifestPath(file, PacketFormat::Pdf))).object();
    QCOMPARE(manifest.value(QStringLiteral("title")).toString(), packet.title);
    QCOMPARE(manifest.value(QStringLiteral("exportedBy")).toString(), packet.exportedBy);
    QCOMPARE(manifest.value(QStringLiteral("draft")).toBool(), draft);
    const QJsonArray stories = manifest.value(QStringLiteral("stories")).toArray();
    QCOMPARE(stories.size(), packet.stories.size());
    const QJsonObject third = stories.at(2).toObject();
    QCOMPARE(third.value(QStringLiteral("id")).toInteger(), 102);
    QCOMPARE(third.value(QStringLiteral("uuid")).toString(), packet.stories.at(2).story.uuid);
    QCOMPARE(third.value(QStringLiteral("revision")).toInteger(), 4);
    QCOMPARE(third.value(QStringLiteral("approvedBy")).toString(), QStringLiteral("Ruth Namubiru"));
    QCOMPARE(third.value(QStringLiteral("sha256")).toString(),
             packet.stories.at(2).approval.contentHash);
}

void TestExport::packetHtml_data()
{
    QTest::addColumn<bool>("singleFile");
    QTest::addColumn<bool>("draft");
    QTest::newRow("folder") << false << false;
    QTest::newRow("folder, draft") << false << true;
    QTest::newRow("single file") << true << false;
    QTest::newRow("single file, draft") << true << true;
}

void TestExport::packetHtml()
{
    QFETCH(bool, singleFile);
    QFETCH(bool, draft);
    Packet packet = makePacket(5, draft);
    packet.stories[1].story = scriptStory();
    packet.stories[1].story.id = 101;
    packet.stories[1].story.language = QStringLiteral("bn");
    packet.stories[3].story.embargoAt = QDateTime(QDate(2026, 12, 10), QTime(9, 0), Qt::UTC);
    PacketOptions options;
    options.format = singleFile ? PacketFormat::HtmlSingleFile : PacketFormat::HtmlFolder;
    const QString out = path(QStringLiteral("html-packet-%1-%2%3")
                                 .arg(singleFile)
                                 .arg(draft)
                                 .arg(singleFile ? QStringLiteral(".html") : QString()));
    QString error;
    QVERIFY2(said(writePacket(packet, out, options), &error), qPrintable(error));
    QStringList pages;
    if (singleFile) {
        pages << out;
    } else {
        pages << QDir(out).filePath(QStringLiteral("index.html"));
        for (const PacketStory &ps : packet.stories) {
            pages << QDir(out).filePath(QStringLiteral("story-%1.html").arg(ps.story.id));
        }
        QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("house.css"))));
        QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("manifest.json"))));
    }
    for (const QString &page : pages) {
        const QString html = QString::fromUtf8(fileBytes(page));
        const QStringList problems = allowListViolations(html, true);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(page + QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
        QCOMPARE(html.contains(kDraftMark), draft);
        checkTidy(page);
    }
    const QString index = QString::fromUtf8(fileBytes(pages.constFirst()));
    QVERIFY(index.contains(QStringLiteral("Embargoed until 10 December 2026, 09:00 UTC")));
    for (const PacketStory &ps : packet.stories) {
        const QString target =
            singleFile ? QStringLiteral("#story-%1") : QStringLiteral("story-%1.html");
        QVERIFY(index.contains(QStringLiteral("href=\"%1\"").arg(target.arg(ps.story.id))));
    }
    QVERIFY(QFile::exists(manifestPath(out, options.format)));
}

void TestExport::failedWritesLeaveNothing()
{
    const QString missing = path(QStringLiteral("no-such-folder/out"));
    const Story s = makeStory(QStringLiteral("Headline"), QStringLiteral("Body."));
    QString error;
    QVERIFY(!said(writeStoryPdf(s, missing + QStringLiteral(".pdf"), PdfOptions()), &error));
    QVERIFY(error.contains(QStringLiteral("no-such-folder")));
    error.clear();
    QVERIFY(!said(writeStoryHtml(s, missing + QStringLiteral(".html"), HtmlOptions()), &error));
    QVERIFY(!error.isEmpty());
    for (const PacketFormat format :
         {PacketFormat::Pdf, PacketFormat::HtmlFolder, PacketFormat::HtmlSingleFile}) {
        error.clear();
        PacketOptions options;
        options.format = format;
        QVERIFY(!said(writePacket(makePacket(2, false), missing, options), &error));
        QVERIFY(!error.isEmpty());
    }
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("no-such-folder"))));
    error.clear();
    QVERIFY(
        !said(writePacket(makePacket(0, false), path(QStringLiteral("empty.pdf")), PacketOptions()),
              &error));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("empty.pdf"))));
}

void TestExport::cancelledPacketLeavesTheOldOne()
{
    QTemporaryDir dir(path(QStringLiteral("cancel-XXXXXX")));
    const QString file = dir.filePath(QStringLiteral("packet.pdf"));
    {
        QFile old(file);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the packet sent last week");
    }
    for (const int cancelAt : {1, 15}) { // while laying out, and while drawing
        PacketOptions options;
        options.progress = [cancelAt](int done, int) { return done < cancelAt; };
        QString error;
        QVERIFY(!said(writePacket(makePacket(10, false), file, options), &error));
        QCOMPARE(error, QStringLiteral("export cancelled"));
        QCOMPARE(fileBytes(file), QByteArray("the packet sent last week"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("packet.pdf")});
    }
}

void TestExport::htmlFolderReplacesOnlyAPacket()
{
    QTemporaryDir dir(path(QStringLiteral("folder-XXXXXX")));
    const QString notAPacket = dir.filePath(QStringLiteral("documents"));
    QVERIFY(QDir().mkpath(notAPacket));
    QFile keep(QDir(notAPacket).filePath(QStringLiteral("letter.txt")));
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.close();
    PacketOptions options;
    options.format = PacketFormat::HtmlFolder;
    QString error;
    QVERIFY(!said(writePacket(makePacket(2, false), notAPacket, options), &error));
    QVERIFY(keep.exists());
    const QString packet = dir.filePath(QStringLiteral("packet"));
    QVERIFY2(said(writePacket(makePacket(3, false), packet, options), &error), qPrintable(error));
    QVERIFY2(said(writePacket(makePacket(2, false), packet, options), &error), qPrintable(error));
    QVERIFY(QFile::exists(QDir(packet).filePath(QStringLiteral("story-101.html"))));
    QVERIFY(!QFile::exists(QDir(packet).filePath(QStringLiteral("story-102.html"))));
    options.progress = [](int, int) { return false; };
    QVERIFY(!said(writePacket(makePacket(4, false), packet, options), &error));
    QVERIFY(!QFile::exists(QDir(packet).filePath(QStringLiteral("story-103.html"))));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             (QStringList{QStringLiteral("documents"), QStringLiteral("packet")}));
}

void TestExport::twoPacketsInOneFolderKeepBothManifests()
{
    QTemporaryDir dir(path(QStringLiteral("two-XXXXXX")));
    const QString first = dir.filePath(QStringLiteral("donors.pdf"));
    const QString second = dir.filePath(QStringLiteral("press.html"));
    QString error;
    QVERIFY2(said(writePacket(makePacket(3, false), first, PacketOptions()), &error),
             qPrintable(error));
    PacketOptions single;
    single.format = PacketFormat::HtmlSingleFile;
    QVERIFY2(said(writePacket(makePacket(2, false), second, single), &error), qPrintable(error));
    const auto manifestOf = [](const QString &file) {
        return QJsonDocument::fromJson(fileBytes(file)).object();
    };
    // manifest.json describes the latest packet; each packet keeps its own record.
    QCOMPARE(
        manifestOf(manifestPath(second, single.format)).value(QStringLiteral("file")).toString(),
        QStringLiteral("press.html"));
    const QJsonObject donors = manifestOf(dir.filePath(QStringLiteral("donors.manifest.json")));
    QCOMPARE(donors.value(QStringLiteral("file")).toString(), QStringLiteral("donors.pdf"));
    QCOMPARE(donors.value(QStringLiteral("stories")).toArray().size(), 3);
    const QJsonObject press = manifestOf(dir.filePath(QStringLiteral("press.manifest.json")));
    QCOMPARE(press.value(QStringLiteral("stories")).toArray().size(), 2);
}

void TestExport::commandLine()
{
    {
        QString error;
        auto db = fo::testing::openLibrary(mLibrary, Database::OpenMode::MustExist, &error);
        QVERIFY2(db, qPrintable(error));
        OrganisationSettings settings(*db);
        QCOMPARE(settings.load().name, QStringLiteral("Field Office Network")); // set by the demo
        OrganisationInfo info;
        info.name = QStringLiteral("Justice Mission Uganda");
        info.pressContact = QStringLiteral("Ruth\n+256 700 000 001");
        QVERIFY(settings.save(info));
        QCOMPARE(settings.load().pressContact, info.pressContact);
    }
    // The command line in this process (fieldoffice_cli), as `fieldoffice export` runs it.
    const auto fieldoffice = [this](const QStringList &args) {
        return runCliInProcess(
            QStringList{QStringLiteral("export"), QStringLiteral("--library"), mLibrary} + args);
    };
    qint64 approved = 0;
    qint64 draft = 0;
    for (const Story &s : qAsConst(mDemo)) {
        if (s.status == StoryStatus::Approved && approved == 0) {
            approved = s.id;
        } else if (s.status == StoryStatus::Draft && draft == 0) {
            draft = s.id;
        }
    }
    QVERIFY(approved > 0 && draft > 0);
    const QString pdf = path(QStringLiteral("cli.pdf"));
    ToolRun r = fieldoffice({QString::number(approved), QStringLiteral("--format"),
                             QStringLiteral("pdf"), QStringLiteral("--page-size"),
                             QStringLiteral("Letter"), QStringLiteral("-o"), pdf});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(runTool(QStringLiteral("pdfinfo"), {pdf}).out.contains(QStringLiteral("(letter)")));
    QVERIFY(!pdfText(pdf).contains(kDraftMark));
    QVERIFY(pdfText(pdf).contains(QStringLiteral("Justice Mission Uganda"))); // running header
    const QString html = path(QStringLiteral("cli.html"));
    r = fieldoffice({QString::number(draft), QStringLiteral("--format"), QStringLiteral("html"),
                     QStringLiteral("-o"), html});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QString::fromUtf8(fileBytes(html)).contains(kDraftMark)); // not approved: marked
    r = fieldoffice({QString::number(approved), QStringLiteral("--format"), QStringLiteral("docx"),
                     QStringLiteral("-o"), html});
    QCOMPARE(r.code, 2);
    r = fieldoffice({QString::number(approved), QStringLiteral("--format"), QStringLiteral("pdf"),
                     QStringLiteral("-o"), path(QStringLiteral("missing/x.pdf"))});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.startsWith(QStringLiteral("fieldoffice: cannot write")));
    r = fieldoffice({QStringLiteral("99999"), QStringLiteral("--format"), QStringLiteral("pdf"),
                     QStringLiteral("-o"), pdf});
    QCOMPARE(r.code, 1);
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
