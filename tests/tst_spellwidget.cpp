// Spelling in the story editor: misspelt words underlined in the story's language, a
// correction from the context menu as one undo step, Add to Library Dictionary shared through
// the library, and a Tamil story that says it is not checked instead of underlining.

#include "editortesting.h"
#include "libraryopentesting.h"
#include "refusaltesting.h"
#include "signin.h"

#include "common/session.h"
#include "editor/bodyeditor.h"
#include "editor/spellcheck.h"
#include "editor/spellchecker.h"
#include "editor/storydraft.h"
#include "spelling/librarydictionary.h"
#include "spelling/spelldictionary.h"

#include <QMenu>
#include <QTextBlock>
#include <QTextLayout>
#include <QUndoStack>

using namespace fo;
using namespace editortesting;

class TestSpellWidget : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void misspeltWordIsUnderlined();
    void correctionIsOneUndoStep();
    void wordIsUnderlinedOnceTypingLeavesIt();
    void addedWordIsSharedByTheLibrary();
    void tamilStorySaysItIsNotChecked();
    void switchedOffUnderlinesNothing();
    void britishOrAmericanEnglish();

private:
    struct Open
    {
        QTemporaryDir dir;
        std::unique_ptr<Database> db;
        std::unique_ptr<Session> session;
        std::unique_ptr<StoryEditor> editor;
        qint64 id = 0;
    };
    static std::unique_ptr<Open> open(const QString &body, const QString &language);
};

namespace {

/// True when the text from `position`, `length` long, carries the spelling underline.
bool underlined(QTextDocument *doc, int position, int length)
{
    const QTextBlock block = doc->findBlock(position);
    const int start = position - block.position();
    const QVector<QTextLayout::FormatRange> formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline &&
            range.start <= start && range.start + range.length >= start + length) {
            return true;
        }
    }
    return false;
}

bool anyUnderline(QTextDocument *doc)
{
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (const QTextLayout::FormatRange &range : b.layout()->formats()) {
            if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline) {
                return true;
            }
        }
    }
    return false;
}

int positionOf(QTextDocument *doc, const QString &word)
{
    return int(doc->toPlainText().indexOf(word));
}

} // namespace

void TestSpellWidget::init()
{
    UiSettings().clear();
    if (SpellDictionary::findDictionary(QStringLiteral("en"), QStringLiteral("en_GB"),
                                        SpellDictionary::systemFolders())
            .isEmpty()) {
        QSKIP("no English Hunspell dictionary installed (Debian hunspell-en-gb or "
              "hunspell-en-us; packaging/install-deps.sh installs them)");
    }
}

std::unique_ptr<TestSpellWidget::Open> TestSpellWidget::open(const QString &body,
                                                             const QString &language)
{
    auto o = std::make_unique<Open>();
    o->db = openLibrary(o->dir);
    if (!o->db) {
        return nullptr;
    }
    Story story;
    story.headline = QStringLiteral("Spelling");
    story.officeName = QStringLiteral("Kolkata");
    story.language = language;
    story.body = body;
    QString error;
    if (!fo::testing::said(StoryWriter(*o->db).create(story), &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    o->id = story.id;
    o->session = std::make_unique<Session>(*o->db);
    o->session->setPerson(deskTester(*o->db));
    o->editor = std::make_unique<StoryEditor>(*o->session);
    o->editor->resize(900, 700);
    o->editor->show();
    if (!o->editor->openStory(o->id, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return o;
}

void TestSpellWidget::misspeltWordIsUnderlined()
{
    auto o =
        open(QStringLiteral("The familes met **Sarika*** on Tuesday.\n"), QStringLiteral("en"));
    QVERIFY(o);
    QTextDocument *doc = o->editor->draft()->body();
    const int misspelt = positionOf(doc, QStringLiteral("familes"));
    QTRY_VERIFY_WITH_TIMEOUT(underlined(doc, misspelt, 7), 20000);
    // A name in bold with a pseudonym asterisk is the word "Sarika": not in the dictionary.
    QVERIFY(underlined(doc, positionOf(doc, QStringLiteral("Sarika")), 6));
    QVERIFY(!underlined(doc, positionOf(doc, QStringLiteral("Tuesday")), 7));
    QVERIFY(!underlined(doc, positionOf(doc, QStringLiteral("met")), 3));
    // Underlining is no edit: nothing to undo, nothing to save, the Markdown untouched.
    QCOMPARE(o->editor->undoStack()->count(), 0);
    QVERIFY(!o->editor->hasUnsavedChanges());
    QVERIFY(!doc->toMarkdown().contains(QStringLiteral("underline")));
}

void TestSpellWidget::correctionIsOneUndoStep()
{
    auto o = open(QStringLiteral("The familes met on Tuesday.\n"), QStringLiteral("en"));
    QVERIFY(o);
    QTextDocument *doc = o->editor->draft()->body();
    const int misspelt = positionOf(doc, QStringLiteral("familes"));
    QTRY_VERIFY_WITH_TIMEOUT(underlined(doc, misspelt, 7), 20000);
    SpellCheck *spell = o->editor->spellCheck();
    QMenu menu;
    menu.addAction(QStringLiteral("Copy"));
    QVERIFY(spell->addMenuEntries(&menu, misspelt + 2));
    QAction *fix = nullptr;
    for (QAction *action : menu.actions()) {
        if (action->text() == QLatin1String("families")) {
            fix = action;
        }
    }
    QVERIFY2(fix, "the corrections offer 'families'");
    QVERIFY(menu.findChild<QAction *>(QStringLiteral("addToDictionaryAction")));
    // A correct word gets no spelling entries.
    QMenu plain;
    QVERIFY(!spell->addMenuEntries(&plain, positionOf(doc, QStringLiteral("Tuesday"))));
    QCOMPARE(plain.actions().size(), 0);

    fix->trigger();
    QCOMPARE(doc->toPlainText(), QStringLiteral("The families met on Tuesday."));
    QCOMPARE(o->editor->undoStack()->count(), 1);
    QTRY_VERIFY(!underlined(doc, positionOf(doc, QStringLiteral("families")), 8));
    o->editor->undoAction()->trigger();
    QCOMPARE(doc->toPlainText(), QStringLiteral("The familes met on Tuesday."));
    o->editor->redoAction()->trigger();
    QCOMPARE(doc->toPlainText(), QStringLiteral("The families met on Tuesday."));
    QString error;
    QVERIFY2(o->editor->save(&error), qPrintable(error));
    QCOMPARE(stored(*o->db, o->id).body, QStringLiteral("The families met on Tuesday.\n"));
}

void TestSpellWidget::wordIsUnderlinedOnceTypingLeavesIt()
{
    auto o = open(QStringLiteral("The familes met.\n"), QStringLiteral("en"));
    QVERIFY(o);
    QTextDocument *doc = o->editor->draft()->body();
    QTRY_VERIFY_WITH_TIMEOUT(anyUnderline(doc), 20000);
    BodyEditor *body = o->editor->bodyEditor();
    QApplication::setActiveWindow(o->editor.get());
    body->setFocus();
    QTRY_VERIFY(body->hasFocus());
    QTextCursor end = body->textCursor();
    end.movePosition(QTextCursor::End);
    body->setTextCursor(end);
    QTest::keyClicks(body, QStringLiteral(" Then teh"));
    const int typed = positionOf(doc, QStringLiteral("teh"));
    // Still being typed: not underlined, however long the answer has been there.
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(10);
    }
    QVERIFY(!underlined(doc, typed, 3));
    QTest::keyClicks(body, QStringLiteral(" "));
    QTRY_VERIFY_WITH_TIMEOUT(underlined(doc, typed, 3), 20000);
    QVERIFY(!underlined(doc, positionOf(doc, QStringLiteral("Then")), 4));
    QVERIFY(underlined(doc, positionOf(doc, QStringLiteral("familes")), 7));
}

void TestSpellWidget::addedWordIsSharedByTheLibrary()
{
    auto o = open(QStringLiteral("We spoke to Sarika* in Barangay Commonwealth.\n"),
                  QStringLiteral("en"));
    QVERIFY(o);
    QTextDocument *doc = o->editor->draft()->body();
    const int name = positionOf(doc, QStringLiteral("Sarika"));
    QTRY_VERIFY_WITH_TIMEOUT(underlined(doc, name, 6), 20000);
    QMenu menu;
    QVERIFY(o->editor->spellCheck()->addMenuEntries(&menu, name));
    QAction *add = menu.findChild<QAction *>(QStringLiteral("addToDictionaryAction"));
    QVERIFY(add);
    add->trigger();
    QTRY_VERIFY(!underlined(doc, name, 6));
    // Not a change to the story.
    QCOMPARE(o->editor->undoStack()->count(), 0);
    QVERIFY(!o->editor->hasUnsavedChanges());

    // Another program on the same library: its editor accepts the word too.
    QString error;
    auto other = fo::testing::openLibrary(o->db->path(), Database::OpenMode::MustExist, &error);
    QVERIFY2(other, qPrintable(error));
    QCOMPARE(*LibraryDictionary(*other).words(QStringLiteral("en")),
             QStringList{QStringLiteral("Sarika")});
    Session session(*other);
    session.setPerson(deskTester(*other));
    StoryEditor editor(session);
    editor.show();
    QVERIFY2(editor.openStory(o->id, &error), qPrintable(error));
    QTextDocument *otherDoc = editor.draft()->body();
    QTRY_VERIFY_WITH_TIMEOUT(
        underlined(otherDoc, positionOf(otherDoc, QStringLiteral("Barangay")), 8), 20000);
    QVERIFY(!underlined(otherDoc, positionOf(otherDoc, QStringLiteral("Sarika")), 6));
}

void TestSpellWidget::tamilStorySaysItIsNotChecked()
{
    auto o = open(QString::fromUtf8("சென்னை நகரில் மழை பெய்தது.\n"), QStringLiteral("ta"));
    QVERIFY(o);
    auto *note = o->editor->findChild<QLabel *>(QStringLiteral("spellingNote"));
    QVERIFY(note);
    QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 20000);
    QCOMPARE(note->text(), QStringLiteral("No Tamil spelling dictionary is available on this "
                                          "computer; spelling is not checked."));
    QVERIFY(!anyUnderline(o->editor->draft()->body()));
    // An English story again: the note goes, and spelling is checked.
    o->editor->draft()->edit(StoryDraft::Field::Language, QStringLiteral("en"));
    QTRY_VERIFY_WITH_TIMEOUT(!note->isVisible(), 20000);
}

void TestSpellWidget::switchedOffUnderlinesNothing()
{
    auto o = open(QStringLiteral("The familes met.\n"), QStringLiteral("en"));
    QVERIFY(o);
    QTextDocument *doc = o->editor->draft()->body();
    QTRY_VERIFY_WITH_TIMEOUT(anyUnderline(doc), 20000);
    o->editor->setSpellCheckEnabled(false);
    QTRY_VERIFY(!anyUnderline(doc));
    QMenu menu;
    QVERIFY(!o->editor->spellCheck()->addMenuEntries(&menu, 5));
    o->editor->setSpellCheckEnabled(true);
    QTRY_VERIFY_WITH_TIMEOUT(anyUnderline(doc), 20000);
}

void TestSpellWidget::britishOrAmericanEnglish()
{
    const QStringList folders = SpellDictionary::systemFolders();
    for (const char *name : {"en_GB", "en_US"}) {
        if (!SpellDictionary::findDictionary(QStringLiteral("en"), QLatin1String(name), folders)
                 .endsWith(QLatin1String(name))) {
            QSKIP("both hunspell-en-gb and hunspell-en-us are needed "
                  "(packaging/install-deps.sh installs them)");
        }
    }
    UiSettings().setEnglishSpelling(QStringLiteral("en_US"));
    auto o = open(QStringLiteral("The colour and the color faded.\n"), QStringLiteral("en"));
    QVERIFY(o);
    QTextDocument *doc = o->editor->draft()->body();
    const int british = positionOf(doc, QStringLiteral("colour"));
    const int american = positionOf(doc, QStringLiteral("color "));
    QTRY_VERIFY_WITH_TIMEOUT(underlined(doc, british, 6), 20000);
    QVERIFY(!underlined(doc, american, 5));
    o->editor->spellCheck()->setEnglishVariant(QStringLiteral("en_GB"));
    QTRY_VERIFY_WITH_TIMEOUT(underlined(doc, american, 5) && !underlined(doc, british, 6), 20000);
}

QTEST_MAIN(TestSpellWidget)
#include "tst_spellwidget.moc"
