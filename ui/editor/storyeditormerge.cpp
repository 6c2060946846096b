// StoryEditor and other programs: what a save merged with a change made elsewhere (the banner,
// the merged values shown, Use Theirs), and the recovery journal for changes no save could
// write. storyeditor.cpp has the editing itself.

#include "editor/storyeditor.h"

#include "editor/bodyeditor.h"
#include "editor/mergebanner.h"
#include "editor/metadataform.h"
#include "editor/storydraft.h"
#include "editor/storyundo.h"
#include "safety/recoveryjournal.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QUndoStack>

#include <climits>

namespace fo {

namespace {

StoryDraft::Field formField(StoryField field)
{
    switch (field) {
    case StoryField::Headline:
        return StoryDraft::Field::Headline;
    case StoryField::DatelineCity:
        return StoryDraft::Field::DatelineCity;
    case StoryField::DatelineCountry:
        return StoryDraft::Field::DatelineCountry;
    case StoryField::Office:
        return StoryDraft::Field::Office;
    case StoryField::Byline:
        return StoryDraft::Field::Byline;
    case StoryField::Summary:
        return StoryDraft::Field::Summary;
    case StoryField::Language:
        return StoryDraft::Field::Language;
    case StoryField::Embargo:
        return StoryDraft::Field::Embargo;
    case StoryField::Tags:
    case StoryField::Body:
        break;
    }
    return StoryDraft::Field::Tags;
}

QVariant formValue(const Story &story, StoryField field)
{
    switch (field) {
    case StoryField::Embargo:
        return story.embargoAt;
    case StoryField::Tags:
        return story.tags;
    default:
        return storyFieldText(story, field);
    }
}

/// "headline, summary and text"; the dateline's two parts are one "dateline".
QString nameList(const QVector<StoryField> &fields)
{
    QStringList names;
    for (StoryField f : fields) {
        const QString name = f == StoryField::DatelineCity || f == StoryField::DatelineCountry
                                 ? StoryEditor::tr("dateline")
                                 : storyFieldName(f);
        if (!names.contains(name)) {
            names << name;
        }
    }
    if (names.size() <= 1) {
        return names.value(0);
    }
    const QString last = names.takeLast();
    return StoryEditor::tr("%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

QString quoted(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > 60) {
        line = line.left(59) + QChar(0x2026);
    }
    return line;
}

} // namespace

void StoryEditor::showMerge(const Story &mine, const SaveResult &result)
{
    mLoading = true;
    // The other program's changes are shown as they are stored; they are not this user's
    // steps to undo.
    QVector<StoryField> fields;
    for (StoryField f : result.merge.theirsChanged) {
        if (f != StoryField::Body) {
            fields << f;
        }
    }
    showFields(mStored, fields);
    if (mStored.body != mine.body) {
        showBody(mStored.body);
    }
    mLoading = false;
    mConflicts = result.merge.conflicts;
    mMergeBanner->showMerge(mergeMessage(result), !mConflicts.isEmpty());
    mPreviewTimer.start(kPreviewDelayMs);
}

QString StoryEditor::mergeMessage(const SaveResult &result) const
{
    const QString who = result.theirPerson.isEmpty() ? tr("Someone") : result.theirPerson;
    QVector<StoryField> theirsOnly;
    for (StoryField f : result.merge.theirsChanged) {
        const bool conflict =
            std::any_of(result.merge.conflicts.cbegin(), result.merge.conflicts.cend(),
                        [f](const FieldConflict &c) { return c.field == f; });
        if (!conflict) {
            theirsOnly << f;
        }
    }
    QStringList parts;
    if (result.merge.conflicts.isEmpty()) {
        return tr("%1 changed this story from another program while you were editing: %1’s %2 "
                  "and your %3 are both kept.")
            .arg(who, nameList(result.merge.theirsChanged), nameList(result.merge.mineChanged));
    }
    if (!theirsOnly.isEmpty()) {
        parts << tr("%1 changed the %2 of this story from another program while you were "
                    "editing; that is in the story now.")
                     .arg(who, nameList(theirsOnly));
    }
    for (const FieldConflict &c : result.merge.conflicts) {
        if (c.field == StoryField::Body) {
            parts << tr("The text was also changed in revision %1 by %2, in the same place as "
                        "yours. Yours is kept.")
                         .arg(result.theirRevision)
                         .arg(who);
        } else {
            parts << tr("The %1 was also changed in revision %2 by %3 (“%4”). Yours is kept.")
                         .arg(nameList({c.field}))
                         .arg(result.theirRevision)
                         .arg(who, quoted(c.theirs));
        }
    }
    return parts.join(QLatin1Char(' '));
}

void StoryEditor::showFields(const Story &story, const QVector<StoryField> &fields)
{
    for (StoryField f : fields) {
        const StoryDraft::Field field =
            f == StoryField::Tags ? StoryDraft::Field::Tags : formField(f);
        const QVariant value = formValue(story, f);
        if (mDraft->value(field) != value) {
            mDraft->setValue(field, value);
        }
    }
}

void StoryEditor::showBody(const QString &markdown)
{
    // The cursor stays in its paragraph, found by its text: a paragraph added above must not
    // move it elsewhere.
    const QTextCursor old = mBody->textCursor();
    const QString blockText = old.block().text();
    const int inBlock = old.positionInBlock();
    const int blockNumber = old.blockNumber();
    const int scroll = mBody->verticalScrollBar()->value();
    const bool wasLoading = mLoading;
    mLoading = true;
    mDraft->loadBody(markdown);
    // The text's own history went with the reload; steps of the form alone would be a trap.
    if (mUndoStack) {
        mUndoStack->clear();
    }
    mLoading = wasLoading;
    QTextDocument *doc = mBody->document();
    QTextBlock best;
    int bestDistance = INT_MAX;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        const int distance = qAbs(b.blockNumber() - blockNumber);
        if (b.text() == blockText && distance < bestDistance) {
            best = b;
            bestDistance = distance;
        }
    }
    QTextCursor cursor(doc);
    cursor.setPosition(best.isValid() ? best.position() + qMin(inBlock, best.length() - 1)
                                      : qMin(old.position(), doc->characterCount() - 1));
    mBody->setTextCursor(cursor);
    mBody->verticalScrollBar()->setValue(scroll);
}

void StoryEditor::useTheirs()
{
    if (!mOpen || mReadOnly || mConflicts.isEmpty()) {
        return;
    }
    const QVector<FieldConflict> conflicts = mConflicts;
    mConflicts.clear();
    // One step of its own: not merged with the typing before it, so Undo brings that back.
    mUndoStack->beginMacro(tr("Use Theirs"));
    for (const FieldConflict &c : conflicts) {
        if (c.field == StoryField::Body) {
            showBody(c.theirs);
            continue;
        }
        const StoryDraft::Field field = formField(c.field);
        const QVariant before = mDraft->value(field);
        mDraft->setValue(field, c.field == StoryField::Embargo
                                    ? QVariant(QDateTime::fromString(c.theirs, Qt::ISODate))
                                    : QVariant(c.theirs));
        // Undoable like a change typed here: Undo brings back what was typed.
        mUndoStack->push(new FieldEditCommand(mDraft, field, before, mDraft->value(field)));
    }
    mUndoStack->endMacro();
    mMergeBanner->showMerge(tr("Their version is in the story now; yours is in its history."),
                            false);
    markChanged();
}

void StoryEditor::writeJournal()
{
    if (!mOpen || mReadOnly) {
        return;
    }
    JournalEntry entry;
    entry.personId = actor().id;
    entry.base = mStored;
    entry.pending = currentStory();
    if (mJournal->write(entry)) {
        mJournalWritten = true;
    }
}

} // namespace fo
