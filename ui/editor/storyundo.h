#pragma once

#include "editor/storydraft.h"

#include <QDateTime>
#include <QUndoCommand>
#include <QVariant>

namespace fo {

/// One step of the text's own undo history (its QTextDocument), on the story's stack: undoing
/// it undoes that step of the draft's text, so the fields and the text share one history.
class BodyEditCommand : public QUndoCommand
{
public:
    explicit BodyEditCommand(StoryDraft *draft);

    void undo() override;
    void redo() override;

private:
    StoryDraft *mDraft;
    bool mDone = true; // the document has already done it when the command is pushed
};

/// A change to one field of the draft. Changes to the same field in a row, close together in
/// time, are one step: typing a headline is undone as a whole, not a letter at a time.
class FieldEditCommand : public QUndoCommand
{
public:
    FieldEditCommand(StoryDraft *draft, StoryDraft::Field field, const QVariant &before,
                     const QVariant &after);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    StoryDraft *mDraft;
    StoryDraft::Field mField;
    QVariant mBefore;
    QVariant mAfter;
    QDateTime mLastChange;
    bool mDone = true;
};

} // namespace fo
