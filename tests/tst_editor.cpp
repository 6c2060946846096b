#include "editortesting.h"
#include "signin.h"

#include "editor/autosaver.h"
#include "editor/bodyeditor.h"
#include "editor/linkdialog.h"
#include "libraryopentesting.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QMimeData>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTextBrowser>

#include <unistd.h>

using namespace fo;
using namespace editortesting;

/// The story editor in the window: typing reaches the library and survives a restart, opening
/// writes nothing, paste is sanitised, formatting and undo, the preview, failures.
class TestEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typedTextSurvivesARestart();
    void switchingAndClosingSaveFirst();
    void openingWithoutEditsWritesNothing_data();
    void openingWithoutEditsWritesNothing();
    void typingAndDeletingWritesNothing();
    void destroyingTheWindowMidTagSaves();
    void newTagNarrowsTheTagFilter();
    void searchFindsAWordJustTyped();
    void hostilePasteLeavesNothingBehind();
    void boldShortcutIsStoredAsStrong();
    void formatActionsWriteMarkdown();
    void linkDialogRefusesUnsafeAddresses();
    void undoCoversFormAndText();
    void previewFollowsTyping();
    void failedSaveKeepsTheTextAndRetries();
    void lockedLibraryKeepsTheTextAndRetries();
    void readOnlyLibraryIsReadOnly();

private:
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // never the user's settings
}

void TestEditor::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestEditor::cleanup()
{
    UiSettings().clear();
    mDir.reset();
}

void TestEditor::typedTextSurvivesARestart()
{
    qint64 id = 0;
    {
        auto db = openLibrary(*mDir);
        QVERIFY(db);
        addStory(*db, QStringLiteral("Another story"), QStringLiteral("Other text.\n"));
        id = addStory(*db, QStringLiteral("Fair in Kolkata"),
                      QStringLiteral("First paragraph.\n\nSecond paragraph.\n"));
        MainWindow window(std::move(db));
        signIn(window);
        QVERIFY(showActive(window));
        QVERIFY(window.openStory(id));
        typeAtEnd(body(window), QStringLiteral(" Zanzibarite"));
        QTRY_VERIFY_WITH_TIMEOUT(
            stored(window.database(), id).body.contains(QStringLiteral("Zanzibarite")), 5000);
        QVERIFY(part<QLabel>(window, QStringLiteral("saveStatusLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Saved ")));
        QVERIFY(!window.isWindowModified());
        // The paragraph nobody touched is written as it was.
        QCOMPARE(stored(window.database(), id).body,
                 QStringLiteral("First paragraph.\n\nSecond paragraph. Zanzibarite\n"));
    } // the window goes, with its library

    MainWindow window(openLibrary(*mDir));

    signIn(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The story that was open is open again (right after the first frame), with the text
    // typed before.
    QTRY_COMPARE(window.editor()->storyId(), id);
    QVERIFY(body(window)->toPlainText().endsWith(QStringLiteral("Second paragraph. Zanzibarite")));
    QCOMPARE(list(window)->currentIndex().data(StoryListModel::StoryIdRole).toLongLong(), id);
}

void TestEditor::switchingAndClosingSaveFirst()
{
    auto db = openLibrary(*mDir);
    const qint64 first = addStory(*db, QStringLiteral("First"), QStringLiteral("One.\n"));
    const qint64 second = addStory(*db, QStringLiteral("Second"), QStringLiteral("Two.\n"));
    {
        MainWindow window(std::move(db));
        signIn(window);
        QVERIFY(showActive(window));
        QVERIFY(window.openStory(first));
        // No pause for the autosave: picking another story in the list saves first.
        typeAtEnd(body(window), QStringLiteral(" switched"));
        list(window)->setCurrentIndex(model(window)->index(model(window)->rowOfStory(second), 0));
        QCOMPARE(window.editor()->storyId(), second);
        QCOMPARE(stored(window.database(), first).body, QStringLiteral("One. switched\n"));
        // Nor before closing; a tag still being typed counts too.
        typeAtEnd(body(window), QStringLiteral(" closed"));
        auto *tags = part<QLineEdit>(window, QStringLiteral("tagsEdit"));
        tags->setFocus();
        QTest::keyClicks(tags, QStringLiteral("type/unfinished"));
        QVERIFY(window.close());
    }
    auto again = openLibrary(*mDir);
    QCOMPARE(stored(*again, second).body, QStringLiteral("Two. closed\n"));
    QCOMPARE(stored(*again, second).tags, QStringList{QStringLiteral("type/unfinished")});
}

void TestEditor::openingWithoutEditsWritesNothing_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::newRow("pseudonym and footnote")
        << QStringLiteral("Amina*, 16, told the team.\n\n*Name changed to protect her identity.");
    QTest::newRow("not canonical")
        << QStringLiteral("Heading\n=======\n\nSome  text with  two spaces   \nand a hard break.\n"
                          "\n* star bullet\n* another\n\n1) paren list\n\n\n\nTrailing   ");
    QTest::newRow("bengali and tamil")
        << QStringLiteral("কলকাতায় সচেতনতা মেলা\n\nசென்னை செங்கல் சூளை\n");
    QTest::newRow("what the editor cannot show")
        << QStringLiteral("```\ncode\n```\n\n<div>html</div>\n\n---\n\n![photo](x.png)\n");
    QTest::newRow("empty") << QString();
}

void TestEditor::openingWithoutEditsWritesNothing()
{
    QFETCH(QString, markdown);
    auto db = openLibrary(*mDir);
    QVERIFY(db);
    const QDateTime embargo(QDate(2026, 12, 10), QTime(9, 0, 30, 250), Qt::UTC);
    const qint64 id =
        addStory(*db, QStringLiteral("Untouched"), markdown,
                 {QStringLiteral("topic/justice-system"), QStringLiteral("Gulu")}, embargo);
    const qint64 other = addStory(*db, QStringLiteral("Other"), QStringLiteral("Other.\n"));
    const Story before = stored(*db, id);
    {
        MainWindow window(std::move(db));
        signIn(window);
        QVERIFY(showActive(window));
        QVERIFY(window.openStory(id));
        // Looking around is not editing: the cursor moves, fields get and lose the focus.
        body(window)->setFocus();
        QTest::keyClick(body(window), Qt::Key_End, Qt::ControlModifier);
        QTest::keyClick(body(window), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        part<QLineEdit>(window, QStringLiteral("tagsEdit"))->setFocus();
        part<QLineEdit>(window, QStringLiteral("headlineEdit"))->setFocus();
        QTest::qWait(Autosaver::kDelayMs + 500);
        QVERIFY(window.openStory(other));
        QVERIFY(window.openStory(id));
        window.close();
    }
    auto again = openLibrary(*mDir);
    const Story after = stored(*again, id);
    QCOMPARE(after.body, before.body);
    QCOMPARE(after.updatedAt, before.updatedAt);
    QCOMPARE(after.embargoAt, embargo);
    QCOMPARE(after.tags, before.tags);
}

void TestEditor::typingAndDeletingWritesNothing()
{
    auto db = openLibrary(*mDir);
    const QString markdown = QStringLiteral("Some  *odd*   spacing\nand a soft break.\n\n* star\n");
    const qint64 id = addStory(*db, QStringLiteral("Typed and deleted"), markdown);
    const Story before = stored(*db, id);
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    typeAtEnd(body(window), QStringLiteral("x"));
    QTest::keyClick(body(window), Qt::Key_Backspace);
    QTRY_VERIFY_WITH_TIMEOUT(!window.editor()->hasUnsavedChanges(), 5000);
    const Story after = stored(window.database(), id);
    QCOMPARE(after.body, markdown);
    QCOMPARE(after.updatedAt, before.updatedAt);
}

// The window object destroyed without a close event (as when the application quits) while a
// tag is half typed and its field has the focus: the field loses the focus during the
// destruction and must neither run on a half-destroyed form (the sanitizer run catches that)
// nor lose what was typed.
void TestEditor::destroyingTheWindowMidTagSaves()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Only"), QStringLiteral("One.\n"));
    {
        MainWindow window(std::move(db));
        signIn(window);
        QVERIFY(showActive(window));
        QVERIFY(window.openStory(id));
        auto *tags = part<QLineEdit>(window, QStringLiteral("tagsEdit"));
        tags->setFocus();
        QTest::keyClicks(tags, QStringLiteral("topic/half-typ"));
        QVERIFY(tags->hasFocus());
    }
    auto again = openLibrary(*mDir);
    QCOMPARE(stored(*again, id).tags, QStringList{QStringLiteral("topic/half-typ")});
}

void TestEditor::newTagNarrowsTheTagFilter()
{
    auto db = openLibrary(*mDir);
    addStory(*db, QStringLiteral("First"), QStringLiteral("One.\n"),
             {QStringLiteral("topic/justice-system")});
    const qint64 id = addStory(*db, QStringLiteral("Second"), QStringLiteral("Two.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    QCOMPARE(model(window)->rowCount(), 2);

    auto *tags = part<QLineEdit>(window, QStringLiteral("tagsEdit"));
    tags->setFocus();
    QTest::keyClicks(tags, QStringLiteral("topic/brick-kilns,"));
    QTRY_VERIFY_WITH_TIMEOUT(stored(window.database(), id).tags ==
                                 QStringList{QStringLiteral("topic/brick-kilns")},
                             5000);
    // The new tag is a choice of the filter now, and choosing it narrows the list to the story.
    auto *filter = part<QComboBox>(window, QStringLiteral("tagFilter"));
    QTRY_VERIFY(filter->findData(QStringLiteral("topic/brick-kilns")) > 0);
    filter->setCurrentIndex(filter->findData(QStringLiteral("topic/brick-kilns")));
    QCOMPARE(model(window)->rowCount(), 1);
    QCOMPARE(model(window)->storyIdAt(0), id);
    // The category is shown with the tag.
    QVERIFY(part<QLabel>(window, QStringLiteral("tagBadges"))
                ->text()
                .contains(QStringLiteral("Topic")));
}

void TestEditor::searchFindsAWordJustTyped()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Mountain"), QStringLiteral("A climb.\n"));
    addStory(*db, QStringLiteral("Valley"), QStringLiteral("A walk.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    typeAtEnd(body(window), QStringLiteral(" Kilimanjaro"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.editor()->hasUnsavedChanges(), 5000);

    QTest::keyClicks(part<QLineEdit>(window, QStringLiteral("searchEdit")),
                     QStringLiteral("kilimanjaro"));
    QTRY_COMPARE(model(window)->rowCount(), 1);
    QCOMPARE(model(window)->storyIdAt(0), id);
    // The open story stays open while the list changes around it.
    QCOMPARE(window.editor()->storyId(), id);
}

void TestEditor::hostilePasteLeavesNothingBehind()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Pasted"), QString());
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));

    auto *mime = new QMimeData;
    mime->setHtml(QStringLiteral(
        "<html><head><style>p { color: red }</style><script>alert('head')</script></head>"
        "<body><p style=\"font-family: Comic Sans MS; color: #f00\">Safe words <b>bold</b> "
        "<script>alert('x')</script><img src=\"https://evil.example/pixel.png\" "
        "onerror=\"alert(1)\"><span style=\"background: url(https://evil.example/bg.png)\">"
        "shown</span> <a href=\"javascript:alert(2)\">click</a> "
        "<a href=\"https://example.org/ok\" onclick=\"alert(3)\">fine link</a></p></body>"
        "</html>"));
    mime->setText(QStringLiteral("Safe words bold shown click fine link"));
    QGuiApplication::clipboard()->setMimeData(mime);
    if (!QGuiApplication::clipboard()->mimeData()->hasHtml()) {
        QSKIP("this platform has no clipboard to paste from");
    }
    body(window)->setFocus();
    body(window)->paste();
    QTRY_VERIFY_WITH_TIMEOUT(!stored(window.database(), id).body.isEmpty(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.editor()->hasUnsavedChanges(), 5000);

    const QString markdown = stored(window.database(), id).body;
    QVERIFY2(markdown.contains(QStringLiteral("Safe words **bold**")), qPrintable(markdown));
    QVERIFY2(markdown.contains(QStringLiteral("shown")), qPrintable(markdown));
    QVERIFY2(markdown.contains(QStringLiteral("[fine link](https://example.org/ok)")),
             qPrintable(markdown));
    for (const QString &hostile :
         {QStringLiteral("script"), QStringLiteral("alert"), QStringLiteral("evil.example"),
          QStringLiteral("onerror"), QStringLiteral("onclick"), QStringLiteral("javascript"),
          QStringLiteral("style"), QStringLiteral("color"), QStringLiteral("Comic"),
          QStringLiteral("<")}) {
        QVERIFY2(!markdown.contains(hostile, Qt::CaseInsensitive),
                 qPrintable(hostile + QStringLiteral(" in: ") + markdown));
    }
}

void TestEditor::boldShortcutIsStoredAsStrong()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Bold"), QStringLiteral("Start.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    typeAtEnd(body(window), QStringLiteral(" plain "));
    QTest::keySequence(body(window), QKeySequence::Bold);
    QTest::keyClicks(body(window), QStringLiteral("strong"));
    QTest::keySequence(body(window), QKeySequence::Bold);
    QTest::keyClicks(body(window), QStringLiteral(" end"));
    QTRY_COMPARE_WITH_TIMEOUT(stored(window.database(), id).body,
                              QStringLiteral("Start. plain **strong** end\n"), 5000);
    // In the headline the same keys do not make the body bold.
    auto *headline = part<QLineEdit>(window, QStringLiteral("headlineEdit"));
    headline->setFocus();
    QTest::keySequence(headline, QKeySequence::Bold);
    QVERIFY(!action(window, QStringLiteral("formatBold"))->isChecked());
}

void TestEditor::formatActionsWriteMarkdown()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Formats"), QString());
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    QTextEdit *edit = body(window);
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("Title"));
    action(window, QStringLiteral("formatHeading2"))->trigger();
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("one"));
    action(window, QStringLiteral("formatBulletList"))->trigger();
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("two"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClick(edit, Qt::Key_Return); // an empty item ends the list
    QTest::keyClicks(edit, QStringLiteral("quoted"));
    action(window, QStringLiteral("formatQuote"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(window.database(), id).body,
                              QStringLiteral("## Title\n\n- one\n- two\n\n> quoted\n"), 5000);
}

void TestEditor::linkDialogRefusesUnsafeAddresses()
{
    LinkDialog dialog;
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *address = dialog.findChild<QLineEdit *>(QStringLiteral("linkAddress"));
    const auto typed = [&](const QString &text) {
        address->clear();
        QTest::keyClicks(address, text);
    };
    for (const QString &refused :
         {QStringLiteral("javascript:alert(1)"), QStringLiteral("JavaScript:alert(1)"),
          QStringLiteral("data:text/html,<b>x</b>"), QStringLiteral("file:///etc/passwd"),
          QStringLiteral("vbscript:msgbox")}) {
        typed(refused);
        QVERIFY2(!ok->isEnabled(), qPrintable(refused));
        QCOMPARE(dialog.address(), QString());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("linkMessage"))
                    ->text()
                    .contains(QStringLiteral("cannot be linked")));
    }
    typed(QStringLiteral("https://example.org/a?b=c"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.address(), QStringLiteral("https://example.org/a?b=c"));
    typed(QStringLiteral("example.org"));
    QCOMPARE(dialog.address(), QStringLiteral("https://example.org"));
    typed(QStringLiteral("press@example.org"));
    QCOMPARE(dialog.address(), QStringLiteral("mailto:press@example.org"));

    // The editor refuses such a link even when asked directly.
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Links"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(window.openStory(id));
    auto *edit = qobject_cast<BodyEditor *>(body(window));
    QVERIFY(edit);
    edit->moveCursor(QTextCursor::End);
    edit->setLink(QStringLiteral("click"), QStringLiteral("javascript:alert(1)"));
    QVERIFY(!edit->toPlainText().contains(QStringLiteral("click")));
}

void TestEditor::undoCoversFormAndText()
{
    auto db = openLibrary(*mDir);
    const QString markdown = QStringLiteral("Original  text,   *kept*.\n");
    const qint64 id = addStory(*db, QStringLiteral("Undo"), markdown);
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    const QString opened = body(window)->toPlainText();
    typeAtEnd(body(window), QStringLiteral(" more"));
    auto *headline = part<QLineEdit>(window, QStringLiteral("headlineEdit"));
    headline->setFocus();
    headline->end(false);
    QTest::keyClicks(headline, QStringLiteral(" and redo"));
    QVERIFY(window.isWindowModified());
    QTRY_VERIFY_WITH_TIMEOUT(
        stored(window.database(), id).headline == QStringLiteral("Undo and redo"), 5000);
    const QString edited = stored(window.database(), id).body;
    QVERIFY(edited.contains(QStringLiteral(" more")));

    // Undo in the text goes back through the headline, then the text: one history.
    body(window)->setFocus();
    QTest::keySequence(body(window), QKeySequence::Undo);
    QCOMPARE(headline->text(), QStringLiteral("Undo"));
    QTest::keySequence(QApplication::focusWidget(), QKeySequence::Undo);
    QCOMPARE(body(window)->toPlainText(), opened);
    QVERIFY(!action(window, QStringLiteral("undoAction"))->isEnabled());
    QVERIFY(window.isWindowModified());
    // Back where it was opened: the stored text is the original again, byte for byte.
    QTRY_COMPARE_WITH_TIMEOUT(stored(window.database(), id).body, markdown, 5000);
    QCOMPARE(stored(window.database(), id).headline, QStringLiteral("Undo"));
    QVERIFY(!window.isWindowModified());

    action(window, QStringLiteral("redoAction"))->trigger();
    action(window, QStringLiteral("redoAction"))->trigger();
    QCOMPARE(headline->text(), QStringLiteral("Undo and redo"));
    QTRY_COMPARE_WITH_TIMEOUT(stored(window.database(), id).body, edited, 5000);
}

void TestEditor::previewFollowsTyping()
{
    auto db = openLibrary(*mDir);
    const qint64 id =
        addStory(*db, QStringLiteral("Previewed headline"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    auto *preview = part<QTextBrowser>(window, QStringLiteral("previewPane"));
    QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("Previewed headline")));
    QVERIFY(preview->toPlainText().contains(QStringLiteral("DRAFT")));
    QVERIFY(preview->toPlainText().contains(QStringLiteral("KOLKATA, INDIA")));
    typeAtEnd(body(window), QStringLiteral(" Serengeti"));
    // Within 300 ms of the pause on a quiet machine (StoryEditor::kPreviewDelayMs); timings
    // are the benchmarks' business, so the test only asks that it follows.
    QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("Serengeti")));
    // Word count and reading time follow too.
    QTRY_COMPARE(part<QLabel>(window, QStringLiteral("wordCountLabel"))->text(),
                 QStringLiteral("2 words · 1 min read"));
}

void TestEditor::failedSaveKeepsTheTextAndRetries()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Fragile"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));

    // Another program makes every change of a story fail, as a full disk would.
    QString error;
    auto other =
        fo::testing::openLibrary(window.database().path(), Database::OpenMode::MustExist, &error);
    QVERIFY2(other, qPrintable(error));
    QSqlQuery q(other->connection());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE UPDATE ON stories BEGIN "
                                  "SELECT RAISE(ABORT, 'disk is full'); END")));
    typeAtEnd(body(window), QStringLiteral(" precious"));
    auto *status = part<QLabel>(window, QStringLiteral("saveStatusLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Not saved"), 5000);
    auto *banner = part<QLabel>(window, QStringLiteral("editorBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("disk is full")));
    QVERIFY(body(window)->toPlainText().contains(QStringLiteral("precious")));
    QVERIFY(window.isWindowModified());

    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse")));
    QTest::keyClicks(body(window), QStringLiteral(" words"));
    QTRY_VERIFY_WITH_TIMEOUT(
        stored(window.database(), id).body.contains(QStringLiteral("precious words")), 5000);
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Saved ")));
    QVERIFY(!banner->isVisible());
}

// Another program holds the library's write lock (a long import): the save gives up after a
// moment instead of freezing the window, keeps the text, and writes it once the lock is gone.
void TestEditor::lockedLibraryKeepsTheTextAndRetries()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Contended"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));

    QString error;
    auto other =
        fo::testing::openLibrary(window.database().path(), Database::OpenMode::MustExist, &error);
    QVERIFY2(other, qPrintable(error));
    QSqlQuery q(other->connection());
    QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
    typeAtEnd(body(window), QStringLiteral(" patient"));
    auto *status = part<QLabel>(window, QStringLiteral("saveStatusLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Not saved"), 10000);
    QVERIFY(part<QLabel>(window, QStringLiteral("editorBanner"))
                ->text()
                .contains(QStringLiteral("the library is busy")));
    QVERIFY(body(window)->toPlainText().contains(QStringLiteral("patient")));
    // The window still answers: more typing goes into the text while the lock is held.
    QTest::keyClicks(body(window), QStringLiteral(" reader"));
    QVERIFY(body(window)->toPlainText().endsWith(QStringLiteral("patient reader")));

    QVERIFY(q.exec(QStringLiteral("COMMIT")));
    QTRY_VERIFY_WITH_TIMEOUT(
        stored(window.database(), id).body.contains(QStringLiteral("patient reader")), 15000);
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Saved ")));
}

void TestEditor::readOnlyLibraryIsReadOnly()
{
    QString path;
    {
        auto db = openLibrary(*mDir);
        addStory(*db, QStringLiteral("Locked"), QStringLiteral("Text.\n"));
        path = db->path();
    }
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    // Root may write a mode-0444 file; the immutable attribute stops root too.
    const bool immutable = ::access(QFile::encodeName(path).constData(), W_OK) == 0;
    if (immutable &&
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) != 0) {
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QSKIP("running as root where chattr +i is not available: cannot make a read-only file");
    }
    const auto restore = qScopeGuard([&] {
        if (immutable) {
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
        }
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    });
    const QByteArray before = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->isReadOnly());
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(window.openStory(1));
    QVERIFY(body(window)->isReadOnly());
    QVERIFY(part<QLineEdit>(window, QStringLiteral("headlineEdit"))->isReadOnly());
    QVERIFY(part<QLabel>(window, QStringLiteral("editorBanner"))
                ->text()
                .contains(QStringLiteral("read-only")));
    QVERIFY(!action(window, QStringLiteral("newStoryAction"))->isEnabled());
    QVERIFY(!action(window, QStringLiteral("formatBold"))->isEnabled());
    // Keys do nothing to the text, and nothing is written.
    QTest::keyClicks(body(window), QStringLiteral("typed"));
    QVERIFY(!body(window)->toPlainText().contains(QStringLiteral("typed")));
    QVERIFY(!window.isWindowModified());
    window.close();
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
