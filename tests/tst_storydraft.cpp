// The editor's draft model driven with a QUndoStack and no widget at all: what the undo
// commands do to a story being edited, as the form and the text would ask for it.

#include "editor/storydraft.h"

#include <QSignalSpy>
#include <QTextCursor>
#include <QTextDocument>
#include <QUndoStack>
#include <QtTest>

using namespace fo;
using Field = StoryDraft::Field;

class TestStoryDraft : public QObject
{
    Q_OBJECT

private slots:
    void loadingIsNotAnEdit();
    void typingInAFieldIsOneStep();
    void changesToTwoFieldsAreTwoSteps();
    void undoShowsTheFieldAgain();
    void typingInTheTextIsUndoneFromTheStack();
    void fieldsAndTextShareOneHistory();
    void untouchedEmbargoKeepsItsSeconds();
    void valuesFromElsewhereAreNoSteps();

private:
    static Story sample();
};

Story TestStoryDraft::sample()
{
    Story story;
    story.id = 7;
    story.headline = QStringLiteral("River rises");
    story.datelineCity = QStringLiteral("KOLKATA");
    story.datelineCountry = QStringLiteral("INDIA");
    story.officeName = QStringLiteral("Kolkata");
    story.language = QStringLiteral("bn");
    story.byline = QStringLiteral("Field Office Communications");
    story.summary = QStringLiteral("The river rose.");
    story.tags = {QStringLiteral("topic/floods")};
    // Seconds, which the form's minute field cannot show.
    story.embargoAt = QDateTime(QDate(2026, 3, 1), QTime(9, 30, 45), Qt::UTC);
    // Not in the canonical form (two spaces after the full stop): kept byte for byte while
    // the text is unmodified.
    story.body = QStringLiteral("The river rose  quickly.\n\nFamilies *moved* to the school.\n");
    return story;
}

void TestStoryDraft::loadingIsNotAnEdit()
{
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    QSignalSpy edited(&draft, &StoryDraft::edited);
    draft.load(sample());
    QCOMPARE(edited.count(), 0);
    QCOMPARE(stack.count(), 0);
    QVERIFY(!draft.body()->isModified());
    Story out;
    draft.applyTo(out);
    const Story in = sample();
    QCOMPARE(out.headline, in.headline);
    QCOMPARE(out.language, in.language);
    QCOMPARE(out.tags, in.tags);
    QCOMPARE(out.body, in.body); // the stored Markdown itself, not a conversion
}

void TestStoryDraft::typingInAFieldIsOneStep()
{
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    draft.load(sample());
    QSignalSpy edited(&draft, &StoryDraft::edited);
    // Letter by letter, as the headline field reports typing.
    for (const QString &text : {QStringLiteral("River rises a"), QStringLiteral("River rises ag"),
                                QStringLiteral("River rises again")}) {
        draft.edit(Field::Headline, text);
    }
    QCOMPARE(edited.count(), 3);
    QCOMPARE(stack.count(), 1);
    QCOMPARE(draft.value(Field::Headline).toString(), QStringLiteral("River rises again"));
    stack.undo();
    QCOMPARE(draft.value(Field::Headline).toString(), QStringLiteral("River rises"));
    stack.redo();
    QCOMPARE(draft.value(Field::Headline).toString(), QStringLiteral("River rises again"));
    // The same value again is no change at all.
    draft.edit(Field::Headline, QStringLiteral("River rises again"));
    QCOMPARE(edited.count(), 3);
}

void TestStoryDraft::changesToTwoFieldsAreTwoSteps()
{
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    draft.load(sample());
    draft.edit(Field::Headline, QStringLiteral("River falls"));
    draft.edit(Field::Tags, QStringList{QStringLiteral("topic/floods"), QStringLiteral("place/x")});
    draft.edit(Field::Language, QStringLiteral("en"));
    QCOMPARE(stack.count(), 3);
    stack.undo(); // the language only
    QCOMPARE(draft.value(Field::Language).toString(), QStringLiteral("bn"));
    QCOMPARE(draft.value(Field::Tags).toStringList().size(), 2);
    stack.undo();
    QCOMPARE(draft.value(Field::Tags).toStringList(), sample().tags);
    QCOMPARE(draft.value(Field::Headline).toString(), QStringLiteral("River falls"));
    stack.undo();
    Story out;
    draft.applyTo(out);
    QCOMPARE(out.headline, sample().headline);
}

void TestStoryDraft::undoShowsTheFieldAgain()
{
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    draft.load(sample());
    draft.edit(Field::Summary, QStringLiteral("The river rose fast."));
    QSignalSpy changed(&draft, &StoryDraft::fieldChanged);
    QSignalSpy restored(&draft, &StoryDraft::fieldRestored);
    stack.undo();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<Field>(), Field::Summary);
    QCOMPARE(changed.at(0).at(1).toString(), QStringLiteral("The river rose."));
    QCOMPARE(restored.count(), 1);
    QCOMPARE(restored.at(0).at(0).value<Field>(), Field::Summary);
}

void TestStoryDraft::typingInTheTextIsUndoneFromTheStack()
{
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    draft.load(sample());
    QSignalSpy steps(&draft, &StoryDraft::bodyStepApplied);
    QTextCursor cursor(draft.body());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringLiteral(" Rescuers came."));
    QCOMPARE(stack.count(), 1);
    QVERIFY(draft.bodyMarkdown().contains(QStringLiteral("Rescuers came.")));
    stack.undo();
    QCOMPARE(steps.count(), 1);
    QVERIFY(!draft.body()->isModified());
    QCOMPARE(draft.bodyMarkdown(), sample().body); // byte for byte, as loaded
    stack.redo();
    QCOMPARE(steps.count(), 2);
    QVERIFY(draft.bodyMarkdown().contains(QStringLiteral("Rescuers came.")));
    // A new text replaces the old one's history; loading it is no step either.
    draft.loadBody(QStringLiteral("Merged text.\n"));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(draft.bodyMarkdown(), QStringLiteral("Merged text.\n"));
}

void TestStoryDraft::fieldsAndTextShareOneHistory()
{
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    draft.load(sample());
    draft.edit(Field::Headline, QStringLiteral("River rises again"));
    QTextCursor cursor(draft.body());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringLiteral(" More."));
    draft.edit(Field::Byline, QStringLiteral("Rita"));
    QCOMPARE(stack.count(), 3);
    stack.undo();
    QCOMPARE(draft.value(Field::Byline).toString(), sample().byline);
    QVERIFY(draft.bodyMarkdown().contains(QStringLiteral("More.")));
    stack.undo();
    QCOMPARE(draft.bodyMarkdown(), sample().body);
    QCOMPARE(draft.value(Field::Headline).toString(), QStringLiteral("River rises again"));
    stack.undo();
    QCOMPARE(draft.value(Field::Headline).toString(), sample().headline);
    QVERIFY(!stack.canUndo());
}

void TestStoryDraft::untouchedEmbargoKeepsItsSeconds()
{
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    draft.load(sample());
    draft.edit(Field::Headline, QStringLiteral("Changed"));
    Story out = sample();
    draft.applyTo(out);
    QCOMPARE(out.embargoAt, sample().embargoAt);
    // Changed to the minute the form shows, then undone: the seconds come back with it.
    const QDateTime minute(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
    draft.edit(Field::Embargo, minute);
    draft.applyTo(out);
    QCOMPARE(out.embargoAt, minute);
    stack.undo();
    out = sample();
    draft.applyTo(out);
    QCOMPARE(out.embargoAt, sample().embargoAt);
}

void TestStoryDraft::valuesFromElsewhereAreNoSteps()
{
    StoryDraft draft;
    QUndoStack stack;
    draft.setUndoStack(&stack);
    draft.load(sample());
    QSignalSpy changed(&draft, &StoryDraft::fieldChanged);
    QSignalSpy edited(&draft, &StoryDraft::edited);
    // What a merge shows: another program's office.
    draft.setValue(Field::Office, QStringLiteral("Gulu"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(stack.count(), 0);
    Story out;
    draft.applyTo(out);
    QCOMPARE(out.officeName, QStringLiteral("Gulu"));
    // Without a stack nothing is recorded, and edits still count as edits.
    draft.setUndoStack(nullptr);
    draft.edit(Field::Office, QStringLiteral("Manila"));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(stack.count(), 0);
}

QTEST_MAIN(TestStoryDraft)
#include "tst_storydraft.moc"
