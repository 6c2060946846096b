// The editor's details a newcomer stumbled on (issue 12, items 6 and 7): the tag field after a
// completion, where it opens, its tag line, the office from the dateline city, the Language combo,
// the Byline hint, a paste, the window title.

#include "editor/bodyeditor.h"
#include "editor/tagfield.h"
#include "editortesting.h"
#include "refusaltesting.h"
#include "signin.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QCompleter>
#include <QMimeData>
#include <QTextBlock>
#include <QTextLayout>

using namespace fo;
using namespace editortesting;

namespace {

class PasteTarget : public BodyEditor
{
public:
    using BodyEditor::insertFromMimeData;
};

QVector<Tag> choices()
{
    QVector<Tag> tags;
    for (const char *label : {"topic/justice-system", "type/court", "office/quezon-city"}) {
        Tag tag;
        const TagLabel parsed = TagLabel::parse(QString::fromLatin1(label));
        tag.category = parsed.category;
        tag.name = parsed.name;
        tags << tag;
    }
    return tags;
}

} // namespace

class TestEditorDetails : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void commaAfterACompletionIsNoSecondComma();
    void tagFieldOpensAtItsFirstTag();
    void tagLineKeepsItsPlace();
    void tagLineNeverBreaksATag();
    void officeComesFromTheDatelineCity();
    void chosenOfficeStays();
    void languageComboShowsItsLongestName();
    void bylinePlaceholderIsAHint();
    void pasteAddsNoEmptyParagraph_data();
    void pasteAddsNoEmptyParagraph();
    void windowTitleNamesTheProgramOnce();

private:
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestEditorDetails::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEditorDetails::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestEditorDetails::cleanup()
{
    UiSettings().clear();
    mDir.reset();
}

void TestEditorDetails::commaAfterACompletionIsNoSecondComma()
{
    TagField field;
    field.setChoices(choices());
    field.show();
    QVERIFY(QTest::qWaitForWindowExposed(&field));
    QLineEdit *edit = field.lineEdit();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("type/court, just"));
    auto *completer = field.findChild<QCompleter *>();
    QVERIFY(completer);
    emit completer->activated(QStringLiteral("topic/justice-system")); // a completion chosen
    QCOMPARE(edit->text(), QStringLiteral("type/court, topic/justice-system, "));
    // Out of habit, a comma and a space: the field already has them.
    QTest::keyClicks(edit, QStringLiteral(", "));
    QCOMPARE(edit->text(), QStringLiteral("type/court, topic/justice-system, "));
    QTest::keyClicks(edit, QStringLiteral("office/gulu,"));
    QCOMPARE(edit->text(), QStringLiteral("type/court, topic/justice-system, office/gulu,"));
    QTest::keyClicks(edit, QStringLiteral(","));
    QCOMPARE(edit->text(), QStringLiteral("type/court, topic/justice-system, office/gulu,"));
    QCOMPARE(field.tags(),
             (QStringList{QStringLiteral("type/court"), QStringLiteral("topic/justice-system"),
                          QStringLiteral("office/gulu")}));
}

void TestEditorDetails::tagFieldOpensAtItsFirstTag()
{
    auto db = openLibrary(*mDir);
    const qint64 id =
        addStory(*db, QStringLiteral("Court"), QStringLiteral("Text.\n"),
                 {QStringLiteral("office/quezon-city"), QStringLiteral("topic/justice-system"),
                  QStringLiteral("type/court"), QStringLiteral("topic/forced-labour"),
                  QStringLiteral("topic/survivor-story"), QStringLiteral("topic/child-labour"),
                  QStringLiteral("topic/brick-kilns"), QStringLiteral("type/press-release"),
                  QStringLiteral("topic/labour-inspection")});
    MainWindow window(std::move(db));
    signIn(window);
    window.resize(1024, 700);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    auto *tags = part<QLineEdit>(window, QStringLiteral("tagsEdit"));
    QVERIFY(tags->fontMetrics().horizontalAdvance(tags->text()) > tags->width()); // scrolls
    QCOMPARE(tags->cursorPosition(), 0); // so "office/quezon-city" shows whole, from its start
}

void TestEditorDetails::tagLineKeepsItsPlace()
{
    TagField field;
    field.setChoices(choices());
    field.resize(400, field.sizeHint().height());
    const int without = field.sizeHint().height();
    field.setTags({QStringLiteral("type/court")});
    QCOMPARE(field.sizeHint().height(), without);
    QVERIFY(!field.badges()->isHidden());
}

void TestEditorDetails::tagLineNeverBreaksATag()
{
    TagField field;
    field.setTags({QStringLiteral("topic/survivor-story")});
    const QString text = field.badges()->text();
    QTextDocument layout;
    layout.setDefaultFont(field.badges()->font());
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WordWrap); // as a QLabel with word wrap lays out its text
    layout.setDefaultTextOption(wrap);
    layout.setHtml(text);
    // Narrower than the tag (and its "(new)"): before, it broke after "Topic:" or "survivor-".
    const QFontMetrics metrics(field.badges()->font());
    layout.setTextWidth(metrics.horizontalAdvance(QStringLiteral("Topic: survivor-")) + 4);
    layout.documentLayout()->documentSize(); // lays it out
    int lines = 0;
    for (QTextBlock block = layout.begin(); block.isValid(); block = block.next()) {
        lines += block.layout()->lineCount();
    }
    QCOMPARE(lines, 1);
}

void TestEditorDetails::officeComesFromTheDatelineCity()
{
    auto db = openLibrary(*mDir);
    Story story;
    story.headline = QStringLiteral("Court convicts recruiter");
    story.body = QStringLiteral("Text.\n");
    QString error;
    QVERIFY2(fo::testing::said(StoryWriter(*db).create(story), &error), qPrintable(error));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(story.id));
    auto *city = part<QLineEdit>(window, QStringLiteral("datelineCityEdit"));
    auto *office = part<QComboBox>(window, QStringLiteral("officeCombo"));
    QVERIFY(office->currentText().isEmpty());
    city->setFocus();
    QTest::keyClicks(city, QStringLiteral("QUEZON CITY"));
    QTest::keyClick(city, Qt::Key_Tab);
    // As import does it: OfficeRepository::nameFromCity().
    QCOMPARE(office->currentText(), OfficeRepository::nameFromCity(QStringLiteral("QUEZON CITY")));
    QTRY_COMPARE_WITH_TIMEOUT(stored(window.database(), story.id).officeName,
                              QStringLiteral("Quezon City"), 5000);
    // A different city moves the office it filled in along.
    city->setFocus();
    city->selectAll();
    QTest::keyClicks(city, QStringLiteral("CEBU CITY"));
    QTest::keyClick(city, Qt::Key_Tab);
    QCOMPARE(office->currentText(), QStringLiteral("Cebu City"));
}

void TestEditorDetails::chosenOfficeStays()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Fair"), QStringLiteral("Text.\n")); // Kolkata
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    auto *city = part<QLineEdit>(window, QStringLiteral("datelineCityEdit"));
    city->setFocus();
    city->selectAll();
    QTest::keyClicks(city, QStringLiteral("HOWRAH"));
    QTest::keyClick(city, Qt::Key_Tab);
    QCOMPARE(part<QComboBox>(window, QStringLiteral("officeCombo"))->currentText(),
             QStringLiteral("Kolkata"));
}

void TestEditorDetails::languageComboShowsItsLongestName()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Fair"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    window.resize(1024, 700);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    auto *language = part<QComboBox>(window, QStringLiteral("languageCombo"));
    const int bengali = language->findData(QStringLiteral("bn"));
    QVERIFY(bengali >= 0);
    int longest = 0;
    for (int i = 0; i < language->count(); ++i) {
        longest = qMax(longest, language->fontMetrics().horizontalAdvance(language->itemText(i)));
    }
    QVERIFY(language->itemText(bengali).startsWith(QStringLiteral("বাংলা — Bengali")));
    QVERIFY2(
        language->width() > longest,
        qPrintable(QStringLiteral("%1 px for %2 px of text").arg(language->width()).arg(longest)));
}

void TestEditorDetails::bylinePlaceholderIsAHint()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Fair"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(window.openStory(id));
    const QString hint = part<QLineEdit>(window, QStringLiteral("bylineEdit"))->placeholderText();
    // Says it is an example, not a byline already filled in.
    QVERIFY2(hint.contains(QStringLiteral("e.g.")), qPrintable(hint));
    QVERIFY(hint != QStringLiteral("Field Office Communications"));
}

void TestEditorDetails::pasteAddsNoEmptyParagraph_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<int>("cursor"); // -1: at the end
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("after");
    QTest::newRow("two paragraphs into nothing")
        << QString() << -1 << QStringLiteral("<p>One.</p><p>Two.</p>")
        << QStringLiteral("One.\nTwo.");
    QTest::newRow("two paragraphs at the end")
        << QStringLiteral("Start.") << -1 << QStringLiteral("<p>One.</p><p>Two.</p>")
        << QStringLiteral("Start.One.\nTwo.");
    QTest::newRow("a paragraph from a web page")
        << QString() << -1
        << QStringLiteral("<html><body><!--StartFragment--><p>Words.</p><!--EndFragment--></body>"
                          "</html>")
        << QStringLiteral("Words.");
    QTest::newRow("trailing empty paragraph")
        << QString() << -1 << QStringLiteral("<p>One.</p><p>Two.</p><p><br></p>")
        << QStringLiteral("One.\nTwo.");
    QTest::newRow("trailing line break")
        << QString() << -1 << QStringLiteral("<p>One.</p><p>Two.<br></p>")
        << QStringLiteral("One.\nTwo.");
    QTest::newRow("word processor")
        << QString() << -1
        << QStringLiteral("<p style=\"margin-bottom: 0cm\">One.</p>\n<p style=\"margin-bottom: "
                          "0cm\"><br/>\n</p>")
        << QStringLiteral("One.");
    QTest::newRow("div lines") << QString() << -1
                               << QStringLiteral("<div>One.</div><div>Two.</div><div><br></div>")
                               << QStringLiteral("One.\nTwo.");
    QTest::newRow("plain text line")
        << QString() << -1 << QStringLiteral("text:One line.\n") << QStringLiteral("One line.");
    QTest::newRow("plain text lines")
        << QStringLiteral("Start.") << 0 << QStringLiteral("text:One.\nTwo.\n")
        << QStringLiteral("One.\nTwo.\nStart.");
    QTest::newRow("plain text paragraphs")
        << QString() << -1 << QStringLiteral("text:One.\n\n  \nTwo.\n\n")
        << QStringLiteral("One.\nTwo.");
    QTest::newRow("markdown copied here")
        << QString() << -1 << QStringLiteral("md:One.\n\nTwo.\n") << QStringLiteral("One.\nTwo.");
    QTest::newRow("into a new paragraph")
        << QStringLiteral("Start.\n\n") << -1 << QStringLiteral("<p>One.</p><p>Two.</p>")
        << QStringLiteral("Start.\nOne.\nTwo.");
}

void TestEditorDetails::pasteAddsNoEmptyParagraph()
{
    QFETCH(QString, before);
    QFETCH(int, cursor);
    QFETCH(QString, html);
    QFETCH(QString, after);
    PasteTarget editor;
    editor.loadMarkdown(before);
    if (before.endsWith(QStringLiteral("\n\n"))) {
        editor.moveCursor(QTextCursor::End);
        editor.textCursor().insertBlock(); // Enter: a new, empty paragraph
    }
    QTextCursor at = editor.textCursor();
    at.setPosition(cursor < 0 ? editor.document()->characterCount() - 1 : cursor);
    editor.setTextCursor(at);
    QMimeData mime;
    if (html.startsWith(QStringLiteral("text:"))) {
        mime.setText(html.mid(5));
    } else if (html.startsWith(QStringLiteral("md:"))) {
        mime.setData(BodyEditor::kMarkdownMimeType, html.mid(3).toUtf8());
    } else {
        mime.setHtml(html);
    }
    editor.insertFromMimeData(&mime);
    QCOMPARE(editor.toPlainText(), after);
}

void TestEditorDetails::windowTitleNamesTheProgramOnce()
{
    // The desktop adds the display name after the title (QPlatformWindow::formatWindowTitle).
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Field Office"));
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Fair in Kolkata"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(!window.windowTitle().contains(QStringLiteral("Field Office")));
    QVERIFY(window.openStory(id));
    QCOMPARE(window.windowTitle(), QStringLiteral("Fair in Kolkata — stories.fieldoffice[*]"));
    QGuiApplication::setApplicationDisplayName(QString());
}

QTEST_MAIN(TestEditorDetails)
#include "tst_editordetails.moc"
