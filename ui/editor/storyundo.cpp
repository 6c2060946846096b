#include "editor/storyundo.h"

#include <QCoreApplication>
#include <QTextEdit>

namespace fo {

namespace {

/// Within this pause, further typing in the same field joins the same undo step.
constexpr qint64 kMergeWindowMs = 2000;

QString fieldName(MetadataForm::Field field)
{
    switch (field) {
    case MetadataForm::Field::Headline:
        return QCoreApplication::translate("fo::StoryEditor", "Headline");
    case MetadataForm::Field::DatelineCity:
    case MetadataForm::Field::DatelineCountry:
        return QCoreApplication::translate("fo::StoryEditor", "Dateline");
    case MetadataForm::Field::Office:
        return QCoreApplication::translate("fo::StoryEditor", "Office");
    case MetadataForm::Field::Language:
        return QCoreApplication::translate("fo::StoryEditor", "Language");
    case MetadataForm::Field::Byline:
        return QCoreApplication::translate("fo::StoryEditor", "Byline");
    case MetadataForm::Field::Summary:
        return QCoreApplication::translate("fo::StoryEditor", "Summary");
    case MetadataForm::Field::Embargo:
        return QCoreApplication::translate("fo::StoryEditor", "Embargo");
    case MetadataForm::Field::Tags:
        return QCoreApplication::translate("fo::StoryEditor", "Tags");
    }
    return QString();
}

} // namespace

BodyEditCommand::BodyEditCommand(QTextEdit *edit)
    : QUndoCommand(QCoreApplication::translate("fo::StoryEditor", "Text")), mEdit(edit)
{
}

void BodyEditCommand::undo()
{
    QTextCursor cursor = mEdit->textCursor();
    mEdit->document()->undo(&cursor);
    mEdit->setTextCursor(cursor);
    mDone = false;
}

void BodyEditCommand::redo()
{
    if (mDone) {
        return; // pushed after the document did it
    }
    QTextCursor cursor = mEdit->textCursor();
    mEdit->document()->redo(&cursor);
    mEdit->setTextCursor(cursor);
    mDone = true;
}

FieldEditCommand::FieldEditCommand(MetadataForm *form, MetadataForm::Field field,
                                   const QVariant &before, const QVariant &after)
    : QUndoCommand(fieldName(field)), mForm(form), mField(field), mBefore(before), mAfter(after),
      mLastChange(QDateTime::currentDateTimeUtc())
{
}

void FieldEditCommand::undo()
{
    mForm->setValue(mField, mBefore);
    mForm->focusField(mField);
    mDone = false;
}

void FieldEditCommand::redo()
{
    if (mDone) {
        return; // pushed after the form showed it
    }
    mForm->setValue(mField, mAfter);
    mForm->focusField(mField);
    mDone = true;
}

int FieldEditCommand::id() const
{
    return 0x46440000 + static_cast<int>(mField);
}

bool FieldEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const FieldEditCommand *>(other);
    if (next->mField != mField || mLastChange.msecsTo(next->mLastChange) > kMergeWindowMs) {
        return false;
    }
    mAfter = next->mAfter;
    mLastChange = next->mLastChange;
    return true;
}

} // namespace fo
