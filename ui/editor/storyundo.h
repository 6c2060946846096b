#pragma once

#include "editor/metadataform.h"

#include <QDateTime>
#include <QUndoCommand>
#include <QVariant>

class QTextEdit;

namespace fo {

/// One step of the body's own undo history (QTextDocument), on the story's stack: undoing it
/// undoes that step of the document, so the form and the text share one history.
class BodyEditCommand : public QUndoCommand
{
public:
    explicit BodyEditCommand(QTextEdit *edit);

    void undo() override;
    void redo() override;

private:
    QTextEdit *mEdit;
    bool mDone = true; // the document has already done it when the command is pushed
};

/// A change to one field of the form. Changes to the same field in a row, close together in
/// time, are one step: typing a headline is undone as a whole, not a letter at a time.
class FieldEditCommand : public QUndoCommand
{
public:
    FieldEditCommand(MetadataForm *form, MetadataForm::Field field, const QVariant &before,
                     const QVariant &after);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    MetadataForm *mForm;
    MetadataForm::Field mField;
    QVariant mBefore;
    QVariant mAfter;
    QDateTime mLastChange;
    bool mDone = true;
};

} // namespace fo
