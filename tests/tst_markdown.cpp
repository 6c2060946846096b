#include "markdown/markdowndocument.h"

#include <QGuiApplication>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QtTest>

using namespace fo;
namespace Prop = fo::MarkdownProperty;

namespace {

// Everything a reader of the editor can see or the writer uses, block by block, with formats
// merged per character run. Remembered sources are left out: two documents that show the same
// thing must describe the same even if they were loaded from different Markdown.
QString describe(const QTextDocument &doc)
{
    QString out;
    QList<const QTextList *> lists;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const QTextBlockFormat bf = b.blockFormat();
        out += QStringLiteral("[kind=%1 h=%2 q=%3/%4")
                   .arg(bf.intProperty(Prop::BlockKind))
                   .arg(bf.headingLevel())
                   .arg(bf.intProperty(QTextFormat::BlockQuoteLevel))
                   .arg(bf.intProperty(Prop::QuoteId));
        if (const QTextList *list = b.textList()) {
            if (!lists.contains(list))
                lists.append(list);
            const QTextListFormat lf = list->format();
            out += QStringLiteral(" list=%1 style=%2 indent=%3 start=%4 loose=%5")
                       .arg(lists.indexOf(list))
                       .arg(lf.style())
                       .arg(lf.indent())
                       .arg(lf.intProperty(Prop::ListStart))
                       .arg(lf.boolProperty(Prop::ListLoose));
        }
        out += QStringLiteral("]");
        QString run;
        QString runKey;
        const auto flush = [&] {
            if (!run.isEmpty())
                out += QStringLiteral(" {%1}%2").arg(runKey, run);
            run.clear();
        };
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat cf = it.fragment().charFormat();
            const QString key =
                QStringLiteral("w%1 i%2 c%3 r%4 s%5 a%6 k%7 t%8")
                    .arg(cf.fontWeight())
                    .arg(cf.fontItalic())
                    .arg(cf.boolProperty(Prop::InlineCode))
                    .arg(cf.boolProperty(Prop::RawHtml))
                    .arg(cf.boolProperty(Prop::SoftBreak))
                    .arg(cf.isAnchor() ? cf.anchorHref() : QString(),
                         cf.stringProperty(Prop::KeptHref), cf.stringProperty(Prop::LinkTitle));
            if (key != runKey)
                flush();
            runKey = key;
            run += it.fragment().text();
        }
        flush();
        out += u'\n';
    }
    return out;
}

int verbatimBlocks(const QTextDocument &doc)
{
    int count = 0;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        count += b.blockFormat().intProperty(Prop::BlockKind) == int(MarkdownBlockKind::Verbatim);
    return count;
}

bool anyFormat(const QTextDocument &doc, bool (*test)(const QTextCharFormat &))
{
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (test(it.fragment().charFormat()))
                return true;
        }
    }
    return false;
}

QTextCursor cursorAt(QTextDocument &doc, const QString &needle)
{
    QTextCursor c = doc.find(needle);
    if (c.isNull())
        return c;
    c.setPosition(c.selectionStart());
    return c;
}

} // namespace

class TestMarkdown : public QObject
{
    Q_OBJECT

private slots:
    void canonicalRoundTrip_data();
    void canonicalRoundTrip();
    void nonCanonicalKept_data();
    void nonCanonicalKept();
    void pseudonymStaysText();
    void scriptsSurvive();
    void unsafeLinkIsNotALink();
    void verbatimBlocksAreShownAsSource();
    void editChangesOnlyThatParagraph();
    void editKeepsSoftBreaks();
    void editedDocumentIsWrittenCanonically();
    void typedTextIsEscaped();
    void formattingWrittenFromEditor();
    void emptyDocument();
    void loadingIsNotAnEdit();
    void sanitize_data();
    void sanitize();
    void sanitizeNeverLoadsResources();
    void idempotentOnTrickyInput_data();
    void idempotentOnTrickyInput();
    void idempotentOnRandomInput();
    void randomEditsKeepMeaning();
};

void TestMarkdown::canonicalRoundTrip_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("verbatim");

    const auto row = [](const char *name, const QString &md, int verbatim = 0) {
        QTest::newRow(name) << md << verbatim;
    };
    row("paragraphs", QStringLiteral("First paragraph.\n\nSecond paragraph with more words.\n"));
    row("heading 2", QStringLiteral("## A heading\n\nText under it.\n"));
    row("heading 3", QStringLiteral("### A smaller heading\n\nText.\n"));
    row("heading 1 kept", QStringLiteral("# Title\n"));
    row("emphasis", QStringLiteral("Some *emphasis* here.\n"));
    row("strong", QStringLiteral("Some **strong** here.\n"));
    row("both", QStringLiteral("Some ***both*** here.\n"));
    row("nested emphasis", QStringLiteral("**bold and *italic* inside**\n"));
    row("italic outside bold", QStringLiteral("***a** b*\n"));
    row("intraword emphasis", QStringLiteral("un*frigging*believable\n"));
    row("link", QStringLiteral("See [the report](https://example.org/report?id=3&x=y) now.\n"));
    row("link with title", QStringLiteral("[Field Office](https://example.org \"Home page\")\n"));
    row("link with emphasis", QStringLiteral("[a *great* read](https://example.org/a_(b))\n"));
    row("mailto", QStringLiteral("Write to [us](mailto:press@example.org).\n"));
    row("autolink", QStringLiteral("<https://example.org/a_b>\n"));
    row("email autolink", QStringLiteral("Mail <press@example.org>\n"));
    row("email link at line start",
        QStringLiteral("[press@example.org](mailto:press@example.org) wrote\n"));
    row("bullets", QStringLiteral("- one\n- two\n- three\n"));
    row("numbered from 3", QStringLiteral("3. three\n4. four\n5. five\n"));
    row("nested lists", QStringLiteral("- fruit\n  1. apple\n  2. pear\n- vegetables\n  - leek\n"));
    row("nested under number", QStringLiteral("9. nine\n   - sub\n10. ten\n    - sub\n"));
    row("loose list", QStringLiteral("- one\n\n- two\n"));
    row("adjacent lists", QStringLiteral("- a\n\n* b\n\n1. c\n\n1) d\n"));
    row("quote two paragraphs", QStringLiteral("> First paragraph.\n>\n> Second paragraph.\n"));
    row("quote with list", QStringLiteral("> Items:\n>\n> - a\n> - b\n"));
    row("two quotes", QStringLiteral("> one\n\n> two\n"));
    row("nested quote", QStringLiteral("> outer\n>\n> > inner\n>\n> outer again\n"));
    row("hard breaks", QStringLiteral("Line one\\\nline two\\\nline three\n"));
    row("soft breaks", QStringLiteral("A long line\nwrapped by hand\nthree times.\n"));
    row("bengali", QStringLiteral("পশ্চিমবঙ্গের রাজধানী কলকাতা *শহরে* একটি প্রশিক্ষণ।\n"));
    row("tamil", QStringLiteral("சென்னை, தமிழ்நாடு — **காவல்துறை** பயிற்சி.\n"));
    row("pseudonym", QStringLiteral("Amina\\*, 16, said\n"));
    row("footnote", QStringLiteral("\\*Name changed to protect her identity.\n"));
    row("escapes",
        QStringLiteral(
            "\\# not a heading\n\n2020\\. A year\n\n\\- not a bullet\n\n\\> not a quote\n\n"
            "snake\\_case \\[x\\] \\<b> \\\\ AT\\&amp;T & co\n"));
    row("line start escapes after soft break",
        QStringLiteral("text\n\\# hash\n\\+ plus\n\\==\n1\\) one\n"));
    row("heading trailing hash", QStringLiteral("## Issue \\#\n"));
    row("inline code", QStringLiteral("Use `code` and ``a ` b`` and `` `x` ``.\n"));
    row("raw inline html", QStringLiteral("Text with <span class=\"x\">raw</span> html.\n"));
    row("bang before link", QStringLiteral("Wow\\![here](https://example.org)\n"));
    row("code block", QStringLiteral("Before.\n\n```js\nlet x = 1;\n\nx *= 2\n```\n\nAfter.\n"), 1);
    row("thematic break", QStringLiteral("Above.\n\n---\n\nBelow.\n"), 1);
    row("html block", QStringLiteral("<div class=\"note\">\n*not emphasis*\n</div>\n\nAfter.\n"),
        1);
    row("javascript link", QStringLiteral("[click](javascript:alert(1))\n"));
    row("relative link", QStringLiteral("[notes](notes/a%20b.md)\n"));
    row("mixed story",
        QStringLiteral("## Court clerks digitise files\n\nGULU, UGANDA – For three weeks, the "
                       "**courthouse** yard held a tent.\n\n> “We found files from 1998,” said a "
                       "clerk.\n\n- 40,000 files\n- 3 weeks\n\nAmina\\*, 16, helped.\n\n\\*Name "
                       "changed to protect her identity.\n"));
}

void TestMarkdown::canonicalRoundTrip()
{
    QFETCH(QString, markdown);
    QFETCH(int, verbatim);

    QTextDocument doc;
    markdownToDocument(markdown, &doc);
    QCOMPARE(documentToMarkdown(&doc), markdown);
    // Not only the remembered source: the writer itself produces this text.
    QCOMPARE(documentToCanonicalMarkdown(&doc), markdown);
    QCOMPARE(verbatimBlocks(doc), verbatim);

    QTextDocument again;
    markdownToDocument(documentToCanonicalMarkdown(&doc), &again);
    QCOMPARE(describe(again), describe(doc));
}

void TestMarkdown::nonCanonicalKept_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("underscore emphasis")
        << QStringLiteral("_em_ and __strong__\n") << QStringLiteral("*em* and **strong**\n");
    QTest::newRow("star bullets") << QStringLiteral("* a\n* b\n") << QStringLiteral("- a\n- b\n");
    QTest::newRow("setext heading")
        << QStringLiteral("Title\n=====\n") << QStringLiteral("# Title\n");
    QTest::newRow("two-space break") << QStringLiteral("a  \nb\n") << QStringLiteral("a\\\nb\n");
    QTest::newRow("entities") << QStringLiteral("&copy; 2024 &amp; &#x1F600; &hyphen;\n")
                              << QStringLiteral("© 2024 & 😀 \\&hyphen;\n");
    QTest::newRow("paren numbers")
        << QStringLiteral("1) a\n2) b\n") << QStringLiteral("1. a\n2. b\n");
    QTest::newRow("unescaped star")
        << QStringLiteral("Amina*, 16\n") << QStringLiteral("Amina\\*, 16\n");
    QTest::newRow("lazy quote") << QStringLiteral("> a\nlazy\n") << QStringLiteral("> a\n> lazy\n");
    QTest::newRow("indented") << QStringLiteral("  indented para\n")
                              << QStringLiteral("indented para\n");
    QTest::newRow("extra blank lines")
        << QStringLiteral("\n\na\n\n\n\nb") << QStringLiteral("a\n\nb\n");
    QTest::newRow("crlf") << QStringLiteral("a\r\nb\r\n\r\nc\r\n") << QStringLiteral("a\nb\n\nc\n");
    QTest::newRow("reference link")
        << QStringLiteral("[x][r] and more\n\n[r]: https://example.org\n")
        << QStringLiteral("[x](https://example.org) and more\n\n[r]: https://example.org\n");
    QTest::newRow("image kept") << QStringLiteral("![alt](https://evil.example/t.png)\n")
                                << QStringLiteral("![alt](https://evil.example/t.png)\n");
    QTest::newRow("indented code") << QStringLiteral("para\n\n    code\n\n    more\n")
                                   << QStringLiteral("para\n\n    code\n\n    more\n");
    QTest::newRow("loose item with two paragraphs")
        << QStringLiteral("- a\n\n  second\n- b\n") << QStringLiteral("- a\n\n  second\n- b\n");
    QTest::newRow("unclosed fence") << QStringLiteral("a\n\n```\ncode\n\n[r]: /x\n")
                                    << QStringLiteral("a\n\n```\ncode\n\n[r]: /x\n");
    QTest::newRow("emphasis inside word punctuation")
        << QStringLiteral("a*\"b\"*c\n") << QStringLiteral("a\\*\"b\"\\*c\n");
}

void TestMarkdown::nonCanonicalKept()
{
    QFETCH(QString, markdown);
    QFETCH(QString, canonical);

    QTextDocument doc;
    markdownToDocument(markdown, &doc);
    QString expectedKept = markdown;
    expectedKept.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    while (expectedKept.startsWith(u'\n'))
        expectedKept.remove(0, 1);
    while (expectedKept.endsWith(u'\n'))
        expectedKept.chop(1);
    expectedKept += u'\n';
    // Unedited, the original text comes back (only leading and trailing blank lines go).
    QCOMPARE(documentToMarkdown(&doc), expectedKept);
    QCOMPARE(documentToCanonicalMarkdown(&doc), canonical);

    // The canonical text shows the same document, and is a fixed point.
    QTextDocument again;
    markdownToDocument(canonical, &again);
    QCOMPARE(describe(again), describe(doc));
    QCOMPARE(documentToCanonicalMarkdown(&again), canonical);
}

void TestMarkdown::pseudonymStaysText()
{
    QTextDocument doc;
    markdownToDocument(QStringLiteral("Amina\\*, 16, said\n"), &doc);
    QCOMPARE(doc.toPlainText(), QStringLiteral("Amina*, 16, said"));
    QVERIFY(!anyFormat(doc, [](const QTextCharFormat &f) {
        return f.fontItalic() || f.fontWeight() > QFont::Normal;
    }));
}

void TestMarkdown::scriptsSurvive()
{
    QTextDocument doc;
    markdownToDocument(QStringLiteral("কলকাতা, পশ্চিমবঙ্গের\n\nசென்னை, தமிழ்நாடு\n"), &doc);
    QCOMPARE(doc.toPlainText(), QStringLiteral("কলকাতা, পশ্চিমবঙ্গের\nசென்னை, தமிழ்நாடு"));
}

void TestMarkdown::unsafeLinkIsNotALink()
{
    const QString md =
        QStringLiteral("Do not [click](javascript:alert(1)) or [this](data:text/html,x); "
                       "[this](https://example.org) is fine.\n");
    QTextDocument doc;
    markdownToDocument(md, &doc);
    QCOMPARE(doc.toPlainText(), QStringLiteral("Do not click or this; this is fine."));
    QStringList anchors;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isAnchor())
                anchors << it.fragment().charFormat().anchorHref();
        }
    }
    QCOMPARE(anchors, QStringList{QStringLiteral("https://example.org")});
    QCOMPARE(documentToMarkdown(&doc), md);
    QCOMPARE(documentToCanonicalMarkdown(&doc), md);
}

void TestMarkdown::verbatimBlocksAreShownAsSource()
{
    QTextDocument doc;
    markdownToDocument(QStringLiteral("Intro.\n\n<script>alert(1)</script>\n\n---\n"), &doc);
    // Shown as text, never interpreted: the editor shows the HTML source as characters.
    QCOMPARE(doc.toPlainText(), QStringLiteral("Intro.\n<script>alert(1)</script>\n---"));
    QCOMPARE(verbatimBlocks(doc), 2);
}

void TestMarkdown::editChangesOnlyThatParagraph()
{
    // Non-canonical on purpose: the other blocks must keep their own spelling.
    const QString md =
        QStringLiteral("First _paragraph_\nwrapped by hand.\n\nSecond one.\n\n* kept\n* bullets\n\n"
                       "```\ncode\n```\n\nLast  \nline.\n");
    QTextDocument doc;
    markdownToDocument(md, &doc);
    QTextCursor c = cursorAt(doc, QStringLiteral("one."));
    QVERIFY(!c.isNull());
    c.insertText(QStringLiteral("edited "));
    QCOMPARE(
        documentToMarkdown(&doc),
        QStringLiteral(
            "First _paragraph_\nwrapped by hand.\n\nSecond edited one.\n\n* kept\n* bullets\n\n"
            "```\ncode\n```\n\nLast  \nline.\n"));
}

void TestMarkdown::editKeepsSoftBreaks()
{
    QTextDocument doc;
    markdownToDocument(QStringLiteral("One line\nand _another_\nand a third.\n\nNext.\n"), &doc);
    QTextCursor c = cursorAt(doc, QStringLiteral("another"));
    c.insertText(QStringLiteral("yet "));
    // The edited paragraph is written canonically, but not rewrapped.
    QCOMPARE(documentToMarkdown(&doc),
             QStringLiteral("One line\nand yet *another*\nand a third.\n\nNext.\n"));
    // Typing right after the line break does not add another one.
    c = cursorAt(doc, QStringLiteral("and a third"));
    c.insertText(QStringLiteral("x "));
    QCOMPARE(documentToMarkdown(&doc),
             QStringLiteral("One line\nand yet *another*\nx and a third.\n\nNext.\n"));
}

void TestMarkdown::editedDocumentIsWrittenCanonically()
{
    QTextDocument doc;
    markdownToDocument(QStringLiteral("- a\n- b\n\nPara.\n"), &doc);
    // Joining the list and the paragraph (backspace at the start of "Para.")
    QTextCursor c = cursorAt(doc, QStringLiteral("Para."));
    c.deletePreviousChar();
    const QString written = documentToMarkdown(&doc);
    QTextDocument again;
    markdownToDocument(written, &again);
    QCOMPARE(describe(again), describe(doc));
    QCOMPARE(written, QStringLiteral("- a\n- bPara.\n"));
}

void TestMarkdown::typedTextIsEscaped()
{
    QTextDocument doc;
    QTextCursor c(&doc);
    c.insertText(QStringLiteral("Amina*, 16, said: 1. [not] a <b>tag</b> & _more_ `x` \\"));
    c.insertBlock();
    c.insertText(QStringLiteral("# not a heading"));
    c.insertBlock();
    c.insertText(QStringLiteral("- not a list"));
    c.insertBlock();
    c.insertText(QStringLiteral("1. not a list either"));
    const QString md = documentToMarkdown(&doc);
    QCOMPARE(md,
             QStringLiteral(
                 "Amina\\*, 16, said: 1. \\[not\\] a \\<b>tag\\</b> & \\_more\\_ \\`x\\` \\\\\n\n"
                 "\\# not a heading\n\n\\- not a list\n\n1\\. not a list either\n"));
    QTextDocument again;
    markdownToDocument(md, &again);
    QCOMPARE(again.toPlainText(), doc.toPlainText());
    QVERIFY(
        !anyFormat(again, [](const QTextCharFormat &f) { return f.fontItalic() || f.isAnchor(); }));
}

void TestMarkdown::formattingWrittenFromEditor()
{
    // What the editor's actions produce: char formats and lists made through Qt's own API.
    QTextDocument doc;
    QTextCursor c(&doc);
    QTextBlockFormat heading;
    heading.setHeadingLevel(2);
    c.setBlockFormat(heading);
    c.insertText(QStringLiteral("Title"));
    c.insertBlock(QTextBlockFormat());
    c.insertText(QStringLiteral("Plain "));
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    c.insertText(QStringLiteral("bold "), bold); // trailing space inside the bold run
    QTextCharFormat italic;
    italic.setFontItalic(true);
    c.insertText(QStringLiteral("italic"), italic);
    c.insertText(QStringLiteral(" and "), QTextCharFormat());
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(QStringLiteral("https://example.org"));
    c.insertText(QStringLiteral("a link"), link);
    c.insertText(QStringLiteral("."), QTextCharFormat());
    c.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextListFormat numbered;
    numbered.setStyle(QTextListFormat::ListDecimal);
    c.createList(numbered);
    c.insertText(QStringLiteral("first"));
    c.insertBlock();
    c.insertText(QStringLiteral("second"));
    QTextBlockFormat quote;
    quote.setProperty(QTextFormat::BlockQuoteLevel, 1);
    c.insertBlock(quote);
    c.insertText(QStringLiteral("Quoted\u2028with a break"));
    QCOMPARE(
        documentToMarkdown(&doc),
        QStringLiteral("## Title\n\nPlain **bold** *italic* and [a link](https://example.org).\n\n"
                       "1. first\n2. second\n\n> Quoted\\\n> with a break\n"));
}

void TestMarkdown::emptyDocument()
{
    QTextDocument doc;
    QCOMPARE(documentToMarkdown(&doc), QString());
    markdownToDocument(QString(), &doc);
    QVERIFY(doc.isEmpty());
    markdownToDocument(QStringLiteral("\n\n  \n"), &doc);
    QCOMPARE(documentToMarkdown(&doc), QString());
}

void TestMarkdown::loadingIsNotAnEdit()
{
    QTextDocument doc;
    doc.setPlainText(QStringLiteral("old"));
    doc.setModified(true);
    markdownToDocument(QStringLiteral("New *text*.\n"), &doc);
    QVERIFY(!doc.isModified());
    QVERIFY(!doc.isUndoAvailable());
}

void TestMarkdown::sanitize_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("markdown");

    QTest::newRow("script") << QStringLiteral("<script>alert(1)</script><p>Hi</p>")
                            << QStringLiteral("Hi\n");
    QTest::newRow("img onerror") << QStringLiteral("<p>A<img src=x onerror=alert(1)>B</p>")
                                 << QStringLiteral("AB\n");
    QTest::newRow("style and onclick")
        << QStringLiteral("<p style=\"color:red\" onclick=\"x()\">Hi</p>")
        << QStringLiteral("Hi\n");
    QTest::newRow("remote image") << QStringLiteral(
                                         "<p>Photo: <img src=\"https://evil.example/t.png\"></p>")
                                  << QStringLiteral("Photo:\n");
    QTest::newRow("javascript link")
        << QStringLiteral("<a href=\"javascript:alert(1)\">click</a>") << QStringLiteral("click\n");
    QTest::newRow("data link") << QStringLiteral(
                                      "<a href=\"data:text/html,<script>x</script>\">data</a>")
                               << QStringLiteral("data\n");
    QTest::newRow("style element")
        << QStringLiteral("<style>body{}</style><p>Text</p>") << QStringLiteral("Text\n");
    QTest::newRow("noscript") << QStringLiteral("<noscript><p>alert(1)</p></noscript><p>Text</p>")
                              << QStringLiteral("Text\n");
    QTest::newRow("word")
        << QStringLiteral(
               "<html "
               "xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><style>p.MsoNormal{mso-"
               "style-parent:\"\";"
               "font-size:12.0pt;}</style></head><body lang=EN-GB style='tab-interval:36.0pt'>"
               "<!--[if gte mso "
               "9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->"
               "<h1 style='mso-outline-level:1'>Rescue in Gulu<o:p></o:p></h1>"
               "<p class=MsoNormal style='mso-margin-top-alt:auto'><b><span "
               "style='font-size:14.0pt;"
               "mso-bidi-font-family:Calibri;color:#1F3864'>Amina*</span></b><span "
               "style='mso-fareast-font-family:"
               "\"Times New Roman\"'>, 16, <i>said</i> she was "
               "safe.<o:p></o:p></span></p></body></html>")
        << QStringLiteral("## Rescue in Gulu\n\n**Amina\\***, 16, *said* she was safe.\n");
    QTest::newRow("word lists")
        << QStringLiteral("<p class=MsoNormal>Intro<o:p></o:p></p>\n<p "
                          "class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;"
                          "mso-list:l0 level1 lfo1'><![if !supportLists]><span "
                          "style='font-family:Symbol'>\u00b7<span style='font:"
                          "7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>First "
                          "<b>item</b><o:p></o:p></p>\n"
                          "<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 "
                          "lfo1'><![if !supportLists]><span>o<span>"
                          "&nbsp; </span></span><![endif]>Sub<o:p></o:p></p>\n<p "
                          "class=MsoListParagraphCxSpLast style='mso-list:"
                          "l0 level1 lfo1'><![if !supportLists]><span>\u00b7<span>&nbsp; "
                          "</span></span><![endif]>Second<o:p></o:p>"
                          "</p>\n<p class=MsoNormal>Between</p>\n<p class=MsoListParagraph "
                          "style='mso-list:l1 level1 lfo2'><![if "
                          "!supportLists]><span>1.<span>&nbsp; </span></span><![endif]>One</p>\n<p "
                          "class=MsoListParagraph "
                          "style='mso-list:l1 level1 lfo2'><![if "
                          "!supportLists]><span>2.<span>&nbsp; </span></span><![endif]>Two</p>")
        << QStringLiteral("Intro\n\n- First **item**\n  - Sub\n- Second\n\nBetween\n\n"
                          "1. One\n2. Two\n");
    QTest::newRow("web page")
        << QStringLiteral(
               "<h2 class=\"x\">Head</h2><h5>Small</h5><p>One<br>two <strong>strong</strong> "
               "<em>em</em> "
               "<a href=\"https://example.org/a\" onmouseover=\"alert(1)\">link</a> "
               "<a "
               "href=\"mailto:press@example.org\">mail</a></p><blockquote><p>Quote</p></blockquote>"
               "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><ol><li>one</li><li>two</li></ol>"
               "<p><font color=red face=Comic>Coloured</font> <span style=\"font-weight:bold\">css "
               "bold</span></p>")
        << QStringLiteral("## Head\n\n### Small\n\nOne\\\ntwo **strong** *em* "
                          "[link](https://example.org/a) [mail](mailto:press@example.org)\n\n"
                          "> Quote\n\n- a\n  - b\n- c\n\n1. one\n2. two\n\n"
                          "Coloured **css bold**\n");
    QTest::newRow("scripts in text")
        << QStringLiteral("<p>কলকাতা &amp; சென்னை</p>") << QStringLiteral("কলকাতা & சென்னை\n");
}

void TestMarkdown::sanitize()
{
    QFETCH(QString, html);
    QFETCH(QString, markdown);

    const QString result = sanitizeHtmlToMarkdown(html);
    QCOMPARE(result, markdown);
    const QStringList forbidden{
        QStringLiteral("script"),      QStringLiteral("onerror"), QStringLiteral("onclick"),
        QStringLiteral("javascript:"), QStringLiteral("style"),   QStringLiteral("evil.example"),
        QStringLiteral("alert(1)"),    QStringLiteral("mso-"),    QStringLiteral("color"),
        QStringLiteral("<img"),        QStringLiteral("data:")};
    for (const QString &word : forbidden)
        QVERIFY2(!result.contains(word, Qt::CaseInsensitive), qPrintable(word));
}

void TestMarkdown::sanitizeNeverLoadsResources()
{
    // A local file an <img> or stylesheet points at must not be read either.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString css = dir.filePath(QStringLiteral("s.css"));
    QFile file(css);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("p { font-weight: bold; }");
    file.close();
    const QString html =
        QStringLiteral("<link rel=\"stylesheet\" type=\"text/css\" href=\"%1\"><p>Plain</p>")
            .arg(QUrl::fromLocalFile(css).toString());
    QCOMPARE(sanitizeHtmlToMarkdown(html), QStringLiteral("Plain\n"));
}

// For any Markdown: loading the written text shows the same document, the canonical text is a
// fixed point, and an unedited document gives back its source.
static void checkIdempotent(const QString &markdown)
{
    QTextDocument doc;
    markdownToDocument(markdown, &doc);
    const QString canonical = documentToCanonicalMarkdown(&doc);
    QTextDocument again;
    markdownToDocument(canonical, &again);
    QCOMPARE(describe(again), describe(doc));
    QCOMPARE(documentToCanonicalMarkdown(&again), canonical);
    QCOMPARE(documentToMarkdown(&again), canonical);

    QString kept = markdown;
    kept.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    kept.replace(u'\r', u'\n');
    kept.replace(QChar(QChar::LineSeparator), u'\n');
    QTextDocument fromKept;
    markdownToDocument(documentToMarkdown(&doc), &fromKept);
    QCOMPARE(describe(fromKept), describe(doc));
}

void TestMarkdown::idempotentOnTrickyInput_data()
{
    QTest::addColumn<QString>("markdown");
    const char *const rows[] = {
        "*a **b* c**",
        "**a *b** c*",
        "a*\"b\"*c",
        "*foo*bar*",
        "_a_b_",
        "**",
        "* * *",
        "- - -",
        "-",
        "+",
        "1.",
        "1. ",
        "2)",
        "#",
        "#5",
        "####### seven",
        "a\n=",
        "a\n-",
        "a\n---",
        "a\n***",
        "> ",
        ">",
        "- a\n-\n- c",
        "- - a",
        "1. a\n\n   b",
        "- a\n  > q",
        "> - a\n>   - b\n> - c",
        "a\\\n\\\nb",
        "\\\nfoo",
        "foo\\",
        "`a\nb`",
        "``",
        "` `",
        "`  `",
        "[a]",
        "[a](b",
        "[a](<b c>)",
        "[a](b \"t\\\"q\")",
        "<a@b.c> x",
        "x <a@b.c>",
        "<http://a> b",
        "&amp;&lt;&#35;&#x23;&nope;",
        "![i](x.png)",
        "a <!-- c --> b",
        "<div>\nx\n</div>",
        "    code",
        "\tcode",
        "```\nunclosed",
        "~~~\nx\n~~~",
        "a\n\n\n\nb",
        "- a\n\n\n- b",
        "1. a\n1. b\n\n1. c",
        "3. a\n- b\n4. c",
        "[x][y]\n\n[y]: /u",
        "[y]: /u\n[x][y]",
        "***",
        "___",
        "a_b_c __init__",
        "a**b**c",
        "**a**b",
        "\u00a0lead",
        "x\u2028y",
        "## h ##",
        "## #",
        "#\tx",
        "> # h\n> - l",
        "- # h",
        "2020. A year",
        "*a*\u00a0*b*",
        "**a** **b**",
        "*a* *b*",
        "[*a*](u) [**b**](v)",
        "a [b](c)d",
        "\\*not\\*",
    };
    for (const char *row : rows)
        QTest::newRow(QByteArray(row).replace('\n', "\\n").constData()) << QString::fromUtf8(row);
}

void TestMarkdown::idempotentOnTrickyInput()
{
    QFETCH(QString, markdown);
    checkIdempotent(markdown);
}

void TestMarkdown::idempotentOnRandomInput()
{
    // Fixed seed: the same strings every run. Weighted towards characters that mean something.
    // For a deeper run by hand: FO_FUZZ=20000 (more strings) and FO_FUZZ_SEED=n (other strings).
    const QStringList atoms{QStringLiteral("*"),
                            QStringLiteral("**"),
                            QStringLiteral("_"),
                            QStringLiteral("`"),
                            QStringLiteral("["),
                            QStringLiteral("]"),
                            QStringLiteral("("),
                            QStringLiteral(")"),
                            QStringLiteral("<"),
                            QStringLiteral(">"),
                            QStringLiteral("#"),
                            QStringLiteral("-"),
                            QStringLiteral("+"),
                            QStringLiteral("="),
                            QStringLiteral("!"),
                            QStringLiteral("\\"),
                            QStringLiteral("&"),
                            QStringLiteral("1."),
                            QStringLiteral(" "),
                            QStringLiteral("  "),
                            QStringLiteral("\n"),
                            QStringLiteral("\n\n"),
                            QStringLiteral("\n- "),
                            QStringLiteral("\n> "),
                            QStringLiteral("\n1. "),
                            QStringLiteral("\n  "),
                            QStringLiteral("word"),
                            QStringLiteral("কলকাতা"),
                            QStringLiteral("சென்னை"),
                            QStringLiteral("Amina"),
                            QStringLiteral("](https://x.org)"),
                            QStringLiteral("amp;"),
                            QStringLiteral("~~~"),
                            QStringLiteral("\t"),
                            QStringLiteral("\u00a0"),
                            QStringLiteral("http://a.b"),
                            QStringLiteral("\n   "),
                            QStringLiteral("\n    "),
                            QStringLiteral("1) "),
                            QStringLiteral("* "),
                            QStringLiteral("<div>"),
                            QStringLiteral("<span>"),
                            QStringLiteral("[x]: /u\n"),
                            QStringLiteral("[x]"),
                            QStringLiteral("\n==="),
                            QStringLiteral("\n---"),
                            QStringLiteral("&#"),
                            QStringLiteral("<a@b.c>"),
                            QStringLiteral("\n> > "),
                            QStringLiteral("\n  - "),
                            QStringLiteral("\n   1. "),
                            QStringLiteral("\n```"),
                            QStringLiteral("![")};
    const int seed = qEnvironmentVariableIsSet("FO_FUZZ_SEED")
                         ? qEnvironmentVariableIntValue("FO_FUZZ_SEED")
                         : 20240611;
    QRandomGenerator random{quint32(seed)};
    for (int n = 0; n < qEnvironmentVariableIntValue("FO_FUZZ") + 400; ++n) {
        QString markdown;
        const int length = 1 + int(random.bounded(32));
        for (int i = 0; i < length; ++i)
            markdown += atoms.at(int(random.bounded(int(atoms.size()))));
        checkIdempotent(markdown);
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "failing input:" << markdown.toUtf8().toPercentEncoding(" ");
            return;
        }
    }
}

void TestMarkdown::randomEditsKeepMeaning()
{
    // Edits in editable blocks of varied stories: the written text (original sources for the
    // untouched units) must mean what the canonical text means, and that must be a fixed point.
    const QStringList stories{
        QStringLiteral(
            "## Title\n\nFirst _para_\nwrapped.\n\n* a\n* b\n\n> quote\n> more\n\nLast  \nline.\n"),
        QStringLiteral("1) one\n2) two\n\n- x\n\n```\ncode\n```\n\nText with [link][r].\n\n[r]: "
                       "https://x.org\n"),
        QStringLiteral("Amina\\*, 16.\n\n- a\n  - b\n- c\n\n<div>\nhtml\n</div>\n\n***x** y*\n"),
        QStringLiteral(
            "Para one.\n\n- a\n- b\n\nPara two.\n\n1. x\n\nPara three.\n\n> q\n\nPara four.\n"),
        QStringLiteral("কলকাতা *শহরে*\n\nசென்னை\n===\n\n> - q1\n> - q2\n\n3. three\n\n---\n")};
    const QStringList typed{QStringLiteral("*"),      QStringLiteral("x"), QStringLiteral(" "),
                            QStringLiteral("- "),     QStringLiteral("#"), QStringLiteral("1. "),
                            QStringLiteral("\u2028"), QStringLiteral("_"), QStringLiteral("["),
                            QStringLiteral("> "),     QStringLiteral("`")};
    const int seed = qEnvironmentVariableIsSet("FO_FUZZ_SEED")
                         ? qEnvironmentVariableIntValue("FO_FUZZ_SEED")
                         : 7;
    QRandomGenerator random{quint32(seed)};
    for (int n = 0; n < qEnvironmentVariableIntValue("FO_FUZZ") + 300; ++n) {
        QTextDocument doc;
        markdownToDocument(stories.at(n % stories.size()), &doc);
        for (int e = 0; e < 1 + int(random.bounded(3)); ++e) {
            QTextCursor c(&doc);
            c.setPosition(int(random.bounded(doc.characterCount())));
            if (c.block().blockFormat().intProperty(Prop::BlockKind) ==
                int(MarkdownBlockKind::Verbatim))
                continue;
            // What the editor's actions do: type, delete, and change the block's structure.
            switch (random.bounded(8)) {
            case 0:
                c.deleteChar();
                break;
            case 1:
                if (!c.currentList())
                    c.createList(random.bounded(2) ? QTextListFormat::ListDisc
                                                   : QTextListFormat::ListDecimal);
                break;
            case 2: {
                QTextBlockFormat f;
                f.setHeadingLevel(2 + int(random.bounded(2)));
                c.mergeBlockFormat(f);
                break;
            }
            case 3: {
                QTextBlockFormat f;
                f.setProperty(QTextFormat::BlockQuoteLevel, 1);
                c.mergeBlockFormat(f);
                break;
            }
            default:
                c.insertText(typed.at(int(random.bounded(int(typed.size())))));
                break;
            }
        }
        const QString written = documentToMarkdown(&doc);
        const QString canonical = documentToCanonicalMarkdown(&doc);
        QTextDocument fromWritten;
        markdownToDocument(written, &fromWritten);
        QTextDocument fromCanonical;
        markdownToDocument(canonical, &fromCanonical);
        QCOMPARE(documentToCanonicalMarkdown(&fromCanonical), canonical);
        QCOMPARE(documentToCanonicalMarkdown(&fromWritten), canonical);
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "written:" << written.toUtf8().toPercentEncoding(" ");
            return;
        }
    }
}

QTEST_MAIN(TestMarkdown)
#include "tst_markdown.moc"
