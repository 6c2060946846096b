// Limits of what a story may be (storylimits.h): nesting flattened at import and bounded in every
// renderer, over-size stories and tag lists refused with a clear message, and what is not text
// replaced. Issue 10, items 6 and 12.

#include "domain/storylimits.h"
#include "export/htmlexporter.h"
#include "export/storydocument.h"
#include "import/importer.h"
#include "import/importparser.h"
#include "library/database.h"
#include "libraryopentesting.h"
#include "markdown/markdowndocument.h"
#include "markdown/markdownnesting.h"
#include "messages/importtext.h"
#include "processrun.h"
#include "refusaltesting.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>
#include <QtTest>

#include <memory>

using namespace fo;

namespace {

std::unique_ptr<Database> openLibrary(const QTemporaryDir &dir)
{
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("test.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    if (!db) {
        qWarning("%s", qPrintable(error));
    }
    return db;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        return {};
    }
    return path;
}

QString repeated(const char *unit, int times)
{
    return QString::fromUtf8(unit).repeated(times);
}

/// How deep the export model nests, walked without recursion.
int blockDepth(const QVector<Block> &blocks)
{
    int deepest = 0;
    QVector<QPair<const QVector<Block> *, int>> stack{{&blocks, 0}};
    while (!stack.isEmpty()) {
        const auto [list, depth] = stack.takeLast();
        deepest = qMax(deepest, depth);
        for (const Block &b : *list) {
            if (!b.children.isEmpty()) {
                stack.append({&b.children, depth + 1});
            }
        }
    }
    return deepest;
}

/// Bodies nested far past any limit, as a hostile or broken file has them.
void deepBodies()
{
    QTest::addColumn<QString>("body");
    QTest::newRow("list 20,000 deep on one line")
        << repeated("- ", 20000) + QStringLiteral("deepest words");
    QTest::newRow("quotes 20,000 deep") << repeated("> ", 20000) + QStringLiteral("deepest words");
    QTest::newRow("quotes without spaces")
        << repeated(">", 50000) + QStringLiteral("deepest words");
    QTest::newRow("numbered 10,000 deep")
        << repeated("1. ", 10000) + QStringLiteral("deepest words");
    QTest::newRow("quotes and lists") << repeated("> - ", 10000) + QStringLiteral("deepest words");
    QString indented = QStringLiteral("Intro paragraph.\n\n");
    for (int i = 0; i < 300; ++i) {
        indented += QString(2 * i, u' ') + QStringLiteral("- item %1\n").arg(i);
    }
    QTest::newRow("indented list 300 deep") << indented + QStringLiteral("\ndeepest words");
    QTest::newRow("deep lines then more deep lines")
        << repeated("- ", 50) + QStringLiteral("first\n") + QString(100, u' ') +
               QStringLiteral("second line\n") + repeated("> ", 40) +
               QStringLiteral("deepest words");
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void deepListImportsFlattenedWithNote_data() { deepBodies(); }
    void deepListImportsFlattenedWithNote();
    void deepBodyInLibraryRenders_data() { deepBodies(); }
    void deepBodyInLibraryRenders();
    void longListsStayEditable_data();
    void longListsStayEditable();
    void shallowMarkdownIsNotTouched_data();
    void shallowMarkdownIsNotTouched();
    void manyTagsRefused_data();
    void manyTagsRefused();
    void duplicateTagsCountOnce();
    void overSizeStoryRefused_data();
    void overSizeStoryRefused();
    void overSizeStoryNotSaved();
    void longFieldsRefused();
    void nonCharactersReplaced();
    void loneSurrogatesRefused();
    void commandLineRefusesAndNotes();

private:
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestLimits::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestLimits::cleanup()
{
    mDir.reset();
}

void TestLimits::deepListImportsFlattenedWithNote()
{
    QFETCH(QString, body);
    const QString file =
        writeFile(*mDir, QStringLiteral("deep.md"),
                  QStringLiteral("---\nheadline: Deep\n---\n\n%1\n").arg(body).toUtf8());
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    const Importer::FileResult result = Importer(*db).importFile(file);
    QVERIFY2(importErrorText(result).isEmpty(), qPrintable(importErrorText(result)));
    QCOMPARE(result.imported.size(), 1);
    const QString note = result.notes.join(u'\n');
    QVERIFY2(note.contains(QStringLiteral("deep.md:")) &&
                 note.contains(QStringLiteral("nested more than 8 deep")),
             qPrintable(note));

    const Story stored = *StoryRepository(*db).get(result.imported.first().id);
    QVERIFY(markdownNestingDepth(stored.body) <= limits::kMaxNestingDepth);
    QVERIFY(stored.body.contains(QStringLiteral("deepest words")));
    const QString html = renderStoryHtml(stored);
    QVERIFY(html.contains(QStringLiteral("deepest words")));
    QVERIFY(html.count(QStringLiteral("<blockquote>")) + html.count(QStringLiteral("<li>")) <=
            limits::kMaxNestingDepth * 2);
}

void TestLimits::deepBodyInLibraryRenders()
{
    // Written straight into the library (an old library, a sync, `edit --body-file`): nothing
    // flattened it, so every renderer must bound itself.
    QFETCH(QString, body);
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    Story story;
    story.headline = QStringLiteral("Deep");
    story.body = body;
    QString error;
    QVERIFY2(fo::testing::said(StoryWriter(*db).create(story), &error), qPrintable(error));
    const Story stored = *StoryRepository(*db).get(story.id);
    QCOMPARE(stored.body, body);

    const StoryDocument model = StoryDocument::fromStory(stored);
    QVERIFY(blockDepth(model.blocks) <= 2 * limits::kMaxNestingDepth);
    const QString html = renderStoryHtml(stored);
    QVERIFY(html.contains(QStringLiteral("deepest words")));

    QTextDocument editor;
    markdownToDocument(stored.body, &editor);
    QVERIFY(editor.toPlainText().contains(QStringLiteral("deepest words")));
    for (QTextBlock b = editor.begin(); b.isValid(); b = b.next()) {
        QVERIFY(b.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) <=
                limits::kMaxNestingDepth);
        QVERIFY(!b.textList() || b.textList()->format().indent() <= limits::kMaxNestingDepth);
    }
    // Unedited, the body is written back as it was.
    QCOMPARE(documentToMarkdown(&editor), stored.body + u'\n');
}

void TestLimits::longListsStayEditable_data()
{
    // Qt builds a list in the square of its length: without a bound, these took minutes.
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("fewest"); // list items shown as lists, not as Markdown source
    QTest::addColumn<int>("most");
    QTest::newRow("one list of 60,000 items")
        << repeated("- item\n", 60000) + QStringLiteral("\nlast words") << 0 << 0;
    QString many;
    for (int i = 0; i < 150; ++i) {
        many += repeated("- item\n", 400) + QStringLiteral("\nBetween %1.\n\n").arg(i);
    }
    QTest::newRow("150 lists of 400 items")
        << many + QStringLiteral("last words") << 1
        << limits::kMaxDocumentListItems + limits::kMaxListItems;
    QTest::newRow("a real list") << repeated("1. name\n", 300) + QStringLiteral("\nlast words")
                                 << 300 << 300;
}

void TestLimits::longListsStayEditable()
{
    QFETCH(QString, body);
    QFETCH(int, fewest);
    QFETCH(int, most);
    QTextDocument editor;
    markdownToDocument(body, &editor);
    QVERIFY(editor.toPlainText().contains(QStringLiteral("last words")));
    int items = 0;
    for (QTextBlock b = editor.begin(); b.isValid(); b = b.next()) {
        items += b.textList() ? 1 : 0;
    }
    QVERIFY2(items >= fewest && items <= most, qPrintable(QString::number(items)));
    QCOMPARE(documentToMarkdown(&editor), body + u'\n');
}

void TestLimits::shallowMarkdownIsNotTouched_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::newRow("paragraphs") << QStringLiteral("One *two*.\n\nThree - four > five.");
    QTest::newRow("list 8 deep") << QStringLiteral(
        "- a\n  - b\n    - c\n      - d\n        - e\n          - f\n"
        "            - g\n              - h");
    QTest::newRow("quote with list") << QStringLiteral("> quote\n>\n> - item\n>   - sub");
    QTest::newRow("code that looks deep")
        << QStringLiteral("```\n") + repeated("- ", 30) + QStringLiteral("x\n```");
    QTest::newRow("thematic breaks") << QStringLiteral("- - -\n\n* * *\n\n1. one\n2) two");
}

void TestLimits::shallowMarkdownIsNotTouched()
{
    QFETCH(QString, markdown);
    const FlattenedMarkdown flat = flattenDeepNesting(markdown);
    QCOMPARE(flat.changedLines, 0);
    QCOMPARE(flat.markdown, markdown);
}

void TestLimits::manyTagsRefused_data()
{
    QTest::addColumn<QString>("frontMatter");
    QStringList tags;
    for (int i = 0; i < 5000; ++i) {
        tags << QStringLiteral("topic/tag-%1").arg(i);
    }
    QTest::newRow("inline list") << QStringLiteral("tags: ") + tags.join(QStringLiteral(", "));
    QTest::newRow("yaml items") << QStringLiteral("tags:\n- ") + tags.join(QStringLiteral("\n- "));
    QTest::newRow("101 tags") << QStringLiteral("tags: ") +
                                     tags.mid(0, 101).join(QStringLiteral(", "));
}

void TestLimits::manyTagsRefused()
{
    QFETCH(QString, frontMatter);
    const QString file = writeFile(
        *mDir, QStringLiteral("tags.md"),
        QStringLiteral("---\nheadline: Tagged\n%1\n---\n\nBody.\n").arg(frontMatter).toUtf8());
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    const Importer::FileResult result = Importer(*db).importFile(file);
    QVERIFY2(importErrorText(result).startsWith(QDir::toNativeSeparators(file) +
                                                QStringLiteral(":3: ")) &&
                 importErrorText(result).contains(QStringLiteral("a story may have at most 100")),
             qPrintable(importErrorText(result)));
    QCOMPARE(StoryRepository(*db).count(StoryFilter{}).value_or(-1), 0);
}

void TestLimits::duplicateTagsCountOnce()
{
    QStringList tags;
    for (int i = 0; i < 5000; ++i) {
        tags << (i % 2 ? QStringLiteral("Topic/Justice") : QStringLiteral("topic/justice"));
    }
    const QString file = writeFile(*mDir, QStringLiteral("same.md"),
                                   QStringLiteral("---\nheadline: Same\ntags: %1\n---\n\nBody.\n")
                                       .arg(tags.join(QStringLiteral(", ")))
                                       .toUtf8());
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    const Importer::FileResult result = Importer(*db).importFile(file);
    QVERIFY2(importErrorText(result).isEmpty(), qPrintable(importErrorText(result)));
    QCOMPARE(result.imported.first().tags, QStringList{QStringLiteral("topic/justice")});
}

void TestLimits::overSizeStoryRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("size");
    const QByteArray paragraph = QByteArray("Words of a very long report. ").repeated(40) + "\n\n";
    QTest::newRow("markdown 2 MB")
        << QStringLiteral("big.md") << QByteArray("# Big\n\n") + paragraph.repeated(1805)
        << QStringLiteral("2.0 MB");
    QTest::newRow("markdown just over")
        << QStringLiteral("over.md") << QByteArray("# Over\n\n") + paragraph.repeated(905)
        << QStringLiteral("1.0 MB");
    QTest::newRow("plain text story 1.5 MB")
        << QStringLiteral("big.txt")
        << QByteArray("Big\n\nGULU, UGANDA - ") + paragraph.repeated(1354)
        << QStringLiteral("1.5 MB");
}

void TestLimits::overSizeStoryRefused()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, size);
    const QString file = writeFile(*mDir, name, content);
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    const Importer::FileResult result = Importer(*db).importFile(file);
    QVERIFY2(importErrorText(result).startsWith(QDir::toNativeSeparators(file) + u':') &&
                 importErrorText(result).contains(size) &&
                 importErrorText(result).contains(QStringLiteral("at most 1 MB")),
             qPrintable(importErrorText(result).left(300)));
    QCOMPARE(StoryRepository(*db).count(StoryFilter{}).value_or(-1), 0);
}

void TestLimits::overSizeStoryNotSaved()
{
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    StoryRepository stories(*db);
    Story story;
    story.headline = QStringLiteral("Grows");
    story.body = QStringLiteral("Short.");
    QString error;
    QVERIFY2(fo::testing::said(StoryWriter(*db).create(story), &error), qPrintable(error));

    Story big = story;
    big.body = QString(600 * 1024, u'ই'); // three bytes each in UTF-8: 1.8 MB
    QVERIFY(!fo::testing::said(StoryWriter(*db).update(big), &error));
    QVERIFY2(error.contains(QStringLiteral("1.8 MB")) && error.contains(QStringLiteral("1 MB")),
             qPrintable(error));
    QCOMPARE(stories.get(story.id)->body, QStringLiteral("Short."));

    Story fresh;
    fresh.headline = QStringLiteral("Too big from the start");
    fresh.body = big.body;
    QVERIFY(!fo::testing::said(StoryWriter(*db).create(fresh), &error));
    QCOMPARE(stories.count(StoryFilter{}).value_or(-1), 1);
    // At the limit is still fine.
    big.body = QString(limits::kMaxBodyBytes, u'x');
    QVERIFY2(fo::testing::said(StoryWriter(*db).update(big), &error), qPrintable(error));
}

void TestLimits::longFieldsRefused()
{
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    StoryRepository stories(*db);
    QString error;
    Story story;
    story.headline = QString(limits::kMaxHeadlineLength + 1, u'H');
    QVERIFY(!fo::testing::said(StoryWriter(*db).create(story), &error));
    QVERIFY2(error.contains(QStringLiteral("headline is 501 characters")), qPrintable(error));
    story.headline = QStringLiteral("Fine");
    story.tags = {QString(limits::kMaxTagLength + 1, u't')};
    QVERIFY(!fo::testing::said(StoryWriter(*db).create(story), &error));
    QVERIFY2(error.contains(QStringLiteral("a tag may have at most 100")), qPrintable(error));
    QCOMPARE(stories.count(StoryFilter{}).value_or(-1), 0);
}

void TestLimits::nonCharactersReplaced()
{
    // Decision: characters that are not text (noncharacters such as U+10FFFF, U+FFFE, U+FDD0)
    // are replaced by U+FFFD at import with a note naming the line; the story is kept.
    const QString body = QStringLiteral("First line.\n\nBad ") + QString::fromUcs4(U"\U0010FFFF") +
                         QStringLiteral(" and ") + QChar(0xFFFE) + QChar(0xFDD0) +
                         QStringLiteral(" end.");
    const QString file =
        writeFile(*mDir, QStringLiteral("odd.md"), (QStringLiteral("# Odd\n\n") + body).toUtf8());
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    const Importer::FileResult result = Importer(*db).importFile(file);
    QVERIFY2(importErrorText(result).isEmpty(), qPrintable(importErrorText(result)));
    const QString note = result.notes.join(u'\n');
    QVERIFY2(note.contains(QStringLiteral("odd.md:5: replaced 3 character(s)")), qPrintable(note));
    const Story stored = *StoryRepository(*db).get(result.imported.first().id);
    QVERIFY(!stored.body.contains(QString::fromUcs4(U"\U0010FFFF")));
    QVERIFY(!stored.body.contains(QChar(0xFFFE)));
    QCOMPARE(stored.body.count(QChar(QChar::ReplacementCharacter)), 3);
    QVERIFY(stored.body.endsWith(QStringLiteral(" end.")));
}

void TestLimits::loneSurrogatesRefused()
{
    // Decision: a file with a lone surrogate is damaged text and refused, naming the file.
    const QString utf8 = writeFile(*mDir, QStringLiteral("cesu.md"), "# A\n\nx \xED\xA0\x80 y\n");
    QByteArray utf16("\xFF\xFE");
    for (const char16_t c : u"# A\n\nx ") {
        if (c) {
            utf16 += char(c & 0xFF);
            utf16 += char(c >> 8);
        }
    }
    utf16 += QByteArray("\x00\xD8", 2); // a high surrogate with nothing after it
    utf16 += QByteArray("y\x00", 2);
    const QString utf16File = writeFile(*mDir, QStringLiteral("utf16.md"), utf16);
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    for (const QString &file : {utf8, utf16File}) {
        const Importer::FileResult result = Importer(*db).importFile(file);
        QVERIFY2(importErrorText(result).startsWith(QDir::toNativeSeparators(file)) &&
                     (importErrorText(result).contains(QStringLiteral("not valid UTF-8")) ||
                      importErrorText(result).contains(QStringLiteral("damaged UTF-16"))),
                 qPrintable(importErrorText(result)));
    }
    QCOMPARE(StoryRepository(*db).count(StoryFilter{}).value_or(-1), 0);
    // Text that reaches the core another way (paste, a program) gets U+FFFD instead.
    QString pasted = QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b");
    QCOMPARE(replaceNonCharacters(&pasted), 1);
    QCOMPARE(pasted, QStringLiteral("a\uFFFDb"));
}

void TestLimits::commandLineRefusesAndNotes()
{
    const QString lib = mDir->filePath(QStringLiteral("cli.fieldoffice"));
    const QProcessEnvironment env = commandLineEnvironment(mDir->path());
    const auto fo = [&](const QStringList &args) {
        return runTool(QStringLiteral(FO_BINARY),
                       QStringList{args.first(), QStringLiteral("--library"), lib} + args.mid(1),
                       env);
    };
    QCOMPARE(fo({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("Grace Achieng"),
                 QStringLiteral("--roles"), QStringLiteral("editor")})
                 .code,
             0);
    const QString deep = writeFile(
        *mDir, QStringLiteral("deep.md"),
        (QStringLiteral("# Deep\n\n") + repeated("- ", 20000) + QStringLiteral("text\n")).toUtf8());
    ToolRun r = fo({QStringLiteral("import"), deep});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(QStringLiteral("note: ")) &&
                 r.err.contains(QStringLiteral("flattened to 8 levels")),
             qPrintable(r.err));
    r = fo({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--format"),
            QStringLiteral("html"), QStringLiteral("--output"),
            mDir->filePath(QStringLiteral("deep.html"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));

    const QString big = writeFile(*mDir, QStringLiteral("big.md"), QByteArray(3 << 20, 'a'));
    r = fo({QStringLiteral("edit"), QStringLiteral("--as"), QStringLiteral("Grace Achieng"),
            QStringLiteral("1"), QStringLiteral("--body-file"), big});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("fieldoffice: ")) &&
                 r.err.contains(QStringLiteral("3 MB")) && r.err.contains(QStringLiteral("1 MB")) &&
                 r.err.count(u'\n') == 1,
             qPrintable(r.err));
    r = fo({QStringLiteral("import"), big});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("big.md: is 3 MB; a story may hold at most 1 MB")),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
