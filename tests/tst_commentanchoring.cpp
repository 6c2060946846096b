// Issue 12 item 10: a reviewer comments on exactly the words that matter, across formatting and
// on pseudonyms (`Sarika*`, stored as `Sarika\*`), and a click on the comment selects them again.

#include "editortesting.h"
#include "refusaltesting.h"

#include "comments/commentrepository.h"
#include "comments/selectionanchor.h"
#include "common/session.h"
#include "markdown/markdowndocument.h"
#include "people/personrepository.h"
#include "review/commentspanel.h"
#include "review/reviewdock.h"

#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeView>

using namespace fo;
using namespace editortesting;

namespace {

const QString kBody = QStringLiteral(
    "## Back at school\n\n"
    "KAMPALA, UGANDA – Sarika\\*, 16, told the team that the **police officers** came at "
    "night and *took* her to a shelter.\n\n"
    "- She reads [every evening](https://example.org/reading \"Reading\") with her sister.\n"
    "- Sarika\\* wants to be a nurse.\n\n"
    "\\*Name changed to protect her identity.\n");

/// The anchor for the first rendered occurrence of `words` (the `nth` one when several), as
/// the editor's document shows the body.
CommentAnchor anchorOn(const QString &words, int nth = 0)
{
    QTextDocument doc;
    markdownToDocument(kBody, &doc);
    const QString rendered = doc.toRawText();
    int at = -1;
    for (int i = 0; i <= nth; ++i) {
        at = rendered.indexOf(words, at + 1);
    }
    if (at < 0) {
        qWarning("not in the rendered text: %s", qPrintable(words));
        return {};
    }
    return anchorForRenderedSelection(rendered, at, at + int(words.size()), kBody);
}

} // namespace

class TestCommentAnchoring : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aPseudonymAnchorsToItsEscapedSource();
    void aSelectionAcrossBoldKeepsTheMarkupInside();
    void aSelectionInsideBoldAndALink();
    void theSecondCopyIsTheOneSelected();
    void anAnchorFollowsALaterEdit();
    void backFromSourceToWhatTheReaderSees();

    void theCommentsPanelAnchorsAcrossFormatting();
};

void TestCommentAnchoring::aPseudonymAnchorsToItsEscapedSource()
{
    const CommentAnchor a = anchorOn(QStringLiteral("Sarika*"));
    QCOMPARE(a.quote, QStringLiteral("Sarika\\*"));
    QCOMPARE(a.offset, int(kBody.indexOf(QStringLiteral("Sarika\\*"))));
    QCOMPARE(readableQuote(a.quote), QStringLiteral("Sarika*"));
    const AnchorMatch m = locateAnchor(a, kBody);
    QCOMPARE(m.kind, AnchorMatch::Kind::Exact);
    QCOMPARE(kBody.mid(m.start, m.length), QStringLiteral("Sarika\\*"));
}

void TestCommentAnchoring::aSelectionAcrossBoldKeepsTheMarkupInside()
{
    const CommentAnchor a = anchorOn(QStringLiteral("that the police officers came"));
    QCOMPARE(a.quote, QStringLiteral("that the **police officers** came"));
    QCOMPARE(readableQuote(a.quote), QStringLiteral("that the police officers came"));
    // Across italics and a paragraph end into a list item, too.
    const CommentAnchor b = anchorOn(QStringLiteral("took her to a shelter.\x2029She reads"));
    QCOMPARE(b.quote, QStringLiteral("took* her to a shelter.\n\n- She reads"));
}

void TestCommentAnchoring::aSelectionInsideBoldAndALink()
{
    QCOMPARE(anchorOn(QStringLiteral("officers")).quote, QStringLiteral("officers"));
    // A link's target is never shown, so a selection across the link covers it.
    const CommentAnchor a = anchorOn(QStringLiteral("every evening with"));
    QCOMPARE(a.quote,
             QStringLiteral("every evening](https://example.org/reading \"Reading\") with"));
    QCOMPARE(anchorOn(QStringLiteral("with her sister")).quote, QStringLiteral("with her sister"));
}

void TestCommentAnchoring::theSecondCopyIsTheOneSelected()
{
    const CommentAnchor first = anchorOn(QStringLiteral("Sarika*"), 0);
    const CommentAnchor second = anchorOn(QStringLiteral("Sarika*"), 1);
    QCOMPARE(second.quote, QStringLiteral("Sarika\\*"));
    QVERIFY(second.offset > first.offset);
    QCOMPARE(second.offset, int(kBody.indexOf(QStringLiteral("- Sarika\\*")) + 2));
    QCOMPARE(locateAnchor(second, kBody).start, second.offset);
}

void TestCommentAnchoring::anAnchorFollowsALaterEdit()
{
    const CommentAnchor a = anchorOn(QStringLiteral("police officers"));
    const QString edited =
        QStringLiteral("A new first paragraph.\n\n") + kBody; // the passage moved down
    const AnchorMatch m = locateAnchor(a, edited);
    QCOMPARE(m.kind, AnchorMatch::Kind::Exact);
    QCOMPARE(edited.mid(m.start, m.length), QStringLiteral("police officers"));
}

void TestCommentAnchoring::backFromSourceToWhatTheReaderSees()
{
    QTextDocument doc;
    markdownToDocument(kBody, &doc);
    const QString rendered = doc.toRawText();
    const SourceAlignment alignment(rendered, kBody);
    const int at = int(kBody.indexOf(QStringLiteral("the **police officers** came")));
    const TextRange shown = alignment.toRendered({at, 28});
    QVERIFY(shown.isValid());
    QCOMPARE(rendered.mid(shown.start, shown.length), QStringLiteral("the police officers came"));
}

void TestCommentAnchoring::theCommentsPanelAnchorsAcrossFormatting()
{
    QTemporaryDir dir;
    auto db = openLibrary(dir);
    QVERIFY(db);
    Person reviewer;
    reviewer.name = QStringLiteral("Rita Reviewer");
    reviewer.roles = Role::Reviewer;
    QString error;
    QVERIFY2(fo::testing::said(PersonRepository(*db).add(reviewer, Person()), &error),
             qPrintable(error));
    const qint64 id = addStory(*db, QStringLiteral("Back at School"), kBody);
    auto window = std::make_unique<MainWindow>(std::move(db));
    window->setCurrentPerson(reviewer);
    window->reviewDock()->show();
    QVERIFY(window->openStory(id));
    CommentsPanel *comments = window->reviewDock()->commentsPanel();
    auto *text = window->findChild<QPlainTextEdit *>(QStringLiteral("commentText"));
    QTextEdit *storyBody = body(*window);

    // The pseudonym, as the reader sees it: refused before ("spans formatting").
    storyBody->setTextCursor(storyBody->document()->find(QStringLiteral("Sarika*")));
    text->setPlainText(QStringLiteral("Is this the pseudonym she chose?"));
    QVERIFY(comments->addComment(true));
    // A passage across bold.
    storyBody->setTextCursor(
        storyBody->document()->find(QStringLiteral("that the police officers came")));
    text->setPlainText(QStringLiteral("Which station? We must not name it."));
    QVERIFY(comments->addComment(true));

    const QVector<Comment> stored =
        CommentRepository(window->database()).forStory(id).value_or(QVector<Comment>());
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).anchor.quote, QStringLiteral("Sarika\\*"));
    QCOMPARE(stored.at(1).anchor.quote, QStringLiteral("that the **police officers** came"));

    // The list shows the passage as read, and the selected comment whole.
    QStandardItemModel *model = comments->model();
    QVERIFY2(model->index(1, 0).data().toString().contains(
                 QStringLiteral("On “that the police officers came”")),
             qPrintable(model->index(1, 0).data().toString()));
    comments->view()->setCurrentIndex(model->index(1, 0));
    QVERIFY(comments->detailView()->toPlainText().contains(
        QStringLiteral("Which station? We must not name it.")));

    // Clicking a comment selects its passage in the text again.
    storyBody->moveCursor(QTextCursor::End);
    QVERIFY(comments->showPassage(stored.at(0).id));
    QCOMPARE(storyBody->textCursor().selectedText(), QStringLiteral("Sarika*"));
    QVERIFY(comments->showPassage(stored.at(1).id));
    QCOMPARE(storyBody->textCursor().selectedText(),
             QStringLiteral("that the police officers came"));
}

QTEST_MAIN(TestCommentAnchoring)
#include "tst_commentanchoring.moc"
