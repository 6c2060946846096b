#include "editor/storyundo.h"

#include <QCoreApplication>

namespace fo {

namespace {

/// Within this pause, further typing in the same field joins the same undo step.
constexpr qint64 kMergeWindowMs = 2000;

QString fieldName(StoryDraft::Field field)
{
    switch (field) {
    case StoryDraft::Field::Headline:
        return QCoreApplication::translate("fo::StoryEditor", "Headline");
    case StoryDraft::Field::DatelineCity:
    case StoryDraft::Field::DatelineCountry:
        return QCoreApplication::translate("fo::StoryEditor", "Dateline");
    case StoryDraft::Field::Office:
        return QCoreApplication::translate("fo::StoryEditor", "Office");
    case StoryDraft::Field::Language:
        return QCoreApplication::translate("fo::StoryEditor", "Language");
    case StoryDraft::Field::Byline:
        return QCoreApplication::translate("fo::StoryEditor", "Byline");
    case StoryDraft::Field::Summary:
        return QCoreApplication::translate("fo::StoryEditor", "Summary");
    case StoryDraft::Field::Embargo:
        return QCoreApplication::translate("fo::StoryEditor", "Embargo");
    case StoryDraft::Field::Tags:
        return QCoreApplication::translate("fo::StoryEditor", "Tags");
    }
    return QString();
}

} // namespace

BodyEditCommand::BodyEditCommand(StoryDraft *draft)
    : QUndoCommand(QCoreApplication::translate("fo::StoryEditor", "Text")), mDraft(draft)
{
}

void BodyEditCommand::undo()
{
    mDraft->undoBodyStep();
    mDone = false;
}

void BodyEditCommand::redo()
{
    if (mDone) {
        return; // pushed after the document did it
    }
    mDraft->redoBodyStep();
    mDone = true;
}

FieldEditCommand::FieldEditCommand(StoryDraft *draft, StoryDraft::Field field,
                                   const QVariant &before, const QVariant &after)
    : QUndoCommand(fieldName(field)), mDraft(draft), mField(field), mBefore(before), mAfter(after),
      mLastChange(QDateTime::currentDateTimeUtc())
{
}

void FieldEditCommand::undo()
{
    mDraft->restore(mField, mBefore);
    mDone = false;
}

void FieldEditCommand::redo()
{
    if (mDone) {
        return; // pushed after the draft took it
    }
    mDraft->restore(mField, mAfter);
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
