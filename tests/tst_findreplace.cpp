// Find and replace in a story (issue 12, item 2) and printing it (item 4): the matching in every
// script without a widget, Replace All as one undo step of the story, the find bar and the
// library search's words in the real window, and the printed page.

#include "domain/textmatcher.h"
#include "editor/findbar.h"
#include "editor/storydraft.h"
#include "editor/storyfinder.h"
#include "editor/storyprinter.h"
#include "editor/textmarks.h"
#include "editortesting.h"
#include "export/htmlexporter.h"
#include "processrun.h"
#include "search/searchterms.h"
#include "signin.h"

#include <QCheckBox>
#include <QPrinter>
#include <QUndoStack>

using namespace fo;
using namespace editortesting;

Q_DECLARE_METATYPE(QVector<int>)

class TestFindReplace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void matchesInEveryScript_data();
    void matchesInEveryScript();
    void searchTermsReadTheSearchBox();
    void replaceAllIsOneUndoStep();
    void replaceKeepsTheFormatting();
    void findBarFindsAndReplacesInTheWindow();
    void ctrlShiftFSearchesTheLibrary();
    void openedSearchHitShowsTheWords();
    void printedStoryIsTheExportedPage();

private:
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestFindReplace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFindReplace::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestFindReplace::cleanup()
{
    UiSettings().clear();
    mDir.reset();
}

void TestFindReplace::matchesInEveryScript_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("options");
    QTest::addColumn<QVector<int>>("starts");
    const int whole = TextMatcher::WholeWords;
    const int matchCase = TextMatcher::MatchCase;
    QTest::newRow("part of a word") << QStringLiteral("The river rose; rivers rise.")
                                    << QStringLiteral("river") << 0 << QVector<int>{4, 16};
    QTest::newRow("whole word") << QStringLiteral("The river rose; rivers rise.")
                                << QStringLiteral("river") << whole << QVector<int>{4};
    QTest::newRow("any case") << QStringLiteral("Police, police; POLICE")
                              << QStringLiteral("police") << 0 << QVector<int>{0, 8, 16};
    QTest::newRow("match case") << QStringLiteral("Police, police; POLICE")
                                << QStringLiteral("police") << matchCase << QVector<int>{8};
    // "কলকাতায়" (in Kolkata) goes on after "কলকাতা" with the letter য: no whole word there.
    const QString bengali =
        QStringLiteral("কলকাতায় মেলা, কলকাতা শহর").normalized(QString::NormalizationForm_C);
    const int second = int(bengali.indexOf(QStringLiteral(", ")) + 2);
    QTest::newRow("Bengali whole word")
        << bengali << QStringLiteral("কলকাতা") << whole << QVector<int>{second};
    QTest::newRow("Bengali part of a word")
        << bengali << QStringLiteral("কলকাতা") << 0 << QVector<int>{0, second};
    // A consonant with its vowel sign is one letter: "ক" is not in "কি", nor before a virama.
    QTest::newRow("Bengali vowel sign")
        << QStringLiteral("কি ক্ষমা ক") << QStringLiteral("ক") << 0 << QVector<int>{9};
    // Tamil: "சென்னை" (Chennai) ends in the vowel sign ை; "சென்னையில்" (in Chennai) goes on.
    QTest::newRow("Tamil vowel sign")
        << QStringLiteral("சென்னை") << QStringLiteral("சென்ன") << 0 << QVector<int>{};
    QTest::newRow("Tamil whole word")
        << QStringLiteral("சென்னையில் சென்னை") << QStringLiteral("சென்னை") << whole << QVector<int>{11};
    QTest::newRow("accent counts")
        << QStringLiteral("Résumé, resume") << QStringLiteral("resume") << 0 << QVector<int>{8};
    QTest::newRow("accent ignored") << QStringLiteral("Résumé, resume") << QStringLiteral("resume")
                                    << int(TextMatcher::IgnoreDiacritics) << QVector<int>{0, 8};
    QTest::newRow("emoji") << QStringLiteral("a😀b 😀") << QStringLiteral("😀") << 0
                           << QVector<int>{1, 5};
    QTest::newRow("pseudonym") << QStringLiteral("Sarika* said; Sarika agreed")
                               << QStringLiteral("Sarika*") << whole << QVector<int>{0};
}

void TestFindReplace::matchesInEveryScript()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(int, options);
    QFETCH(QVector<int>, starts);
    QVector<int> found;
    const QVector<TextSpan> spans = TextMatcher(needle, options).findAll(text);
    for (const TextSpan &span : spans) {
        found << span.start;
        QCOMPARE(span.length, int(needle.normalized(QString::NormalizationForm_C).size()));
    }
    QCOMPARE(found, starts);
}

void TestFindReplace::searchTermsReadTheSearchBox()
{
    const QVector<SearchTerm> terms =
        searchTerms(QStringLiteral("police OR army \"forced labour\" recruit* -- kol"), true);
    const QVector<SearchTerm> expected{{QStringLiteral("police"), false},
                                       {QStringLiteral("army"), false},
                                       {QStringLiteral("forced labour"), false},
                                       {QStringLiteral("recruit"), true},
                                       {QStringLiteral("kol"), true}};
    QCOMPARE(terms, expected);
    QVERIFY(!searchTerms(QStringLiteral("kol "), true).constFirst().prefix);
}

void TestFindReplace::replaceAllIsOneUndoStep()
{
    Story story;
    story.headline = QStringLiteral("River rises");
    story.body = QStringLiteral("The river rose.\n\nThe **river** was high; rivers flood.\n\nRiver "
                                "banks broke.\n");
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    draft.load(story);
    StoryFinder finder(draft.body());
    finder.setPattern(QStringLiteral("river"), TextMatcher::WholeWords);
    QCOMPARE(finder.matches().size(), 3);
    QCOMPARE(finder.replaceAll(QStringLiteral("stream")), 3);
    QCOMPARE(draft.bodyMarkdown(),
             QStringLiteral("The stream rose.\n\nThe **stream** was high; rivers flood.\n\nstream "
                            "banks broke.\n"));
    QCOMPARE(stack.count(), 1); // one step, not three
    stack.undo();
    QCOMPARE(draft.bodyMarkdown(), story.body); // back byte for byte
    stack.redo();
    QVERIFY(draft.bodyMarkdown().contains(QStringLiteral("**stream**")));
}

void TestFindReplace::replaceKeepsTheFormatting()
{
    Story story;
    story.body = QStringLiteral("Ask *Sarika\\** and Sarika.\n");
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    draft.load(story);
    StoryFinder finder(draft.body());
    finder.setPattern(QStringLiteral("Sarika"), TextMatcher::MatchCase | TextMatcher::WholeWords);
    const QVector<TextSpan> spans = finder.matches();
    QCOMPARE(spans.size(), 2);
    QVERIFY(!finder.replace(spans[0].start, spans[0].end() + 1, QStringLiteral("x"))); // no match
    QVERIFY(finder.replace(spans[0].start, spans[0].end(), QStringLiteral("Mitali")));
    QCOMPARE(draft.bodyMarkdown(), QStringLiteral("Ask *Mitali\\** and Sarika.\n"));
    QCOMPARE(stack.count(), 1);
}

void TestFindReplace::findBarFindsAndReplacesInTheWindow()
{
    auto db = openLibrary(*mDir);
    const qint64 id =
        addStory(*db, QStringLiteral("Raid"),
                 QStringLiteral("Police came. The police left.\n\nPolicemen stayed.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    QTextEdit *text = body(window);
    text->setFocus();
    QTest::keyClick(text, Qt::Key_F, Qt::ControlModifier); // Ctrl+F in the text: the find bar
    FindBar *bar = window.editor()->findBar();
    QVERIFY(bar->isVisible());
    QTRY_VERIFY(bar->findEdit()->hasFocus());
    QTest::keyClicks(bar->findEdit(), QStringLiteral("police"));
    QCOMPARE(text->textCursor().selectedText(), QStringLiteral("Police"));
    QCOMPARE(bar->statusText(), QStringLiteral("1 of 3"));
    QCOMPARE(textMarkCount(text, TextMarkKind::FindMatch), 3);
    bar->wholeWordsBox()->setChecked(true);
    QCOMPARE(textMarkCount(text, TextMarkKind::FindMatch), 2); // not "Policemen"
    QTest::keyClick(bar->findEdit(), Qt::Key_Return);
    QCOMPARE(text->textCursor().selectionStart(), 17); // "The police"
    QCOMPARE(bar->statusText(), QStringLiteral("2 of 2"));
    bar->matchCaseBox()->setChecked(true);
    QCOMPARE(textMarkCount(text, TextMarkKind::FindMatch), 1);
    bar->matchCaseBox()->setChecked(false);

    // Replace All, then one undo brings every one back.
    window.editor()->showFindBar(true);
    QVERIFY(bar->replaceEdit()->isVisible());
    bar->replaceEdit()->setText(QStringLiteral("officers"));
    QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("replaceAllButton")),
                      Qt::LeftButton);
    QCOMPARE(text->toPlainText(),
             QStringLiteral("officers came. The officers left.\nPolicemen stayed."));
    QTRY_VERIFY_WITH_TIMEOUT(
        stored(window.database(), id).body.contains(QStringLiteral("The officers left")), 5000);
    action(window, QStringLiteral("undoAction"))->trigger();
    QCOMPARE(text->toPlainText(),
             QStringLiteral("Police came. The police left.\nPolicemen stayed."));

    // Escape closes the bar, its marks go, the text has the focus again.
    QTest::keyClick(bar->findEdit(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QCOMPARE(textMarkCount(text, TextMarkKind::FindMatch), 0);
    QTRY_VERIFY(text->hasFocus());
}

void TestFindReplace::ctrlShiftFSearchesTheLibrary()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Raid"), QStringLiteral("Police came.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    body(window)->setFocus();
    QTest::keyClick(body(window), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(part<QLineEdit>(window, QStringLiteral("searchEdit"))->hasFocus());
    QVERIFY(!window.editor()->findBar()->isVisible());
}

void TestFindReplace::openedSearchHitShowsTheWords()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(
        *db, QStringLiteral("Market day"),
        QStringLiteral("Traders met the police.\n\nThe POLICE said the market stays open. Police "
                       "work and policemen.\n"));
    addStory(*db, QStringLiteral("Other"), QStringLiteral("Nothing here.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    auto *search = part<QLineEdit>(window, QStringLiteral("searchEdit"));
    search->setText(QStringLiteral("police market"));
    QTRY_COMPARE(model(window)->rowCount(), 1);
    QVERIFY(window.openStory(id));
    QTextEdit *text = body(window);
    // "police" three times (any case, not "policemen"), "market" once.
    QCOMPARE(textMarkCount(text, TextMarkKind::SearchTerm), 4);
    // Clearing the search clears them.
    search->clear();
    QTRY_COMPARE(textMarkCount(text, TextMarkKind::SearchTerm), 0);
    // And typing in the text does too.
    search->setText(QStringLiteral("market"));
    QTRY_COMPARE(textMarkCount(text, TextMarkKind::SearchTerm), 1);
    typeAtEnd(text, QStringLiteral(" More."));
    QCOMPARE(textMarkCount(text, TextMarkKind::SearchTerm), 0);
}

void TestFindReplace::printedStoryIsTheExportedPage()
{
    Story story;
    story.headline = QStringLiteral("Court Clerks Digitise Case Files");
    story.datelineCity = QStringLiteral("GULU");
    story.datelineCountry = QStringLiteral("UGANDA");
    story.byline = QStringLiteral("Field Office Communications");
    story.body = QStringLiteral("Clerks scanned **forty thousand** files.\n\n*Name changed.\n");
    const QString pdf = mDir->filePath(QStringLiteral("printed.pdf"));
    for (const bool draft : {true, false}) {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        printStory(story, draft, &printer);
        const ToolRun run =
            runTool(QStringLiteral("pdftotext"),
                    {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
        QCOMPARE(run.code, 0);
        const QString printed = run.out.simplified();
        QVERIFY2(printed.contains(story.headline), qPrintable(printed));
        QVERIFY2(printed.contains(QStringLiteral("GULU, UGANDA")), qPrintable(printed));
        // (Not "files": the printed text may hold the "fi" ligature.)
        QVERIFY2(printed.contains(QStringLiteral("Clerks scanned forty thousand")),
                 qPrintable(printed));
        QVERIFY2(printed.contains(QStringLiteral("Name changed.")), qPrintable(printed));
        QCOMPARE(printed.contains(draftMarkText()), draft);
    }
}

QTEST_MAIN(TestFindReplace)
#include "tst_findreplace.moc"
