#pragma once

#include "domain/story.h"

#include <QMap>
#include <QObject>
#include <QVariant>

class QTextDocument;
class QUndoStack;

namespace fo {

/// The open story as it is being edited, before it is saved: the fields of the form and the
/// text, without any widget. The form and the text editor show it and report the user's
/// changes to it; the undo commands (storyundo.h) change it; the editor saves what it holds.
/// Tests drive it with a QUndoStack and no window.
///
/// Values are what the form edits: QString for the text fields and the office, the language
/// code for Language, a UTC QDateTime (invalid: none) for Embargo, a QStringList for Tags.
class StoryDraft : public QObject
{
    Q_OBJECT

public:
    enum class Field
    {
        Headline,
        DatelineCity,
        DatelineCountry,
        Office,
        Language,
        Byline,
        Summary,
        Embargo,
        Tags
    };
    Q_ENUM(Field)

    explicit StoryDraft(QObject *parent = nullptr);
    ~StoryDraft() override;

    /// Holds `story`'s fields and text. Not an edit: no undo step, nothing to save, and the
    /// text counts as unmodified.
    void load(const Story &story);
    /// Holds nothing (no story open).
    void clear();

    QVariant value(Field field) const;
    /// The user changed `field` to `value`: when it differs from what the draft holds, one undo
    /// step on the undo stack (typing in a field joins the step before) and edited().
    void edit(Field field, const QVariant &value);
    /// Puts `value` in `field` without an undo step (undo, redo, a merge); fieldChanged().
    void setValue(Field field, const QVariant &value);
    /// setValue() for an undo or a redo: also asks the form to show the field (fieldRestored()).
    void restore(Field field, const QVariant &value);

    /// The text. Its own undo steps go to the undo stack, one command each.
    QTextDocument *body() const { return mBody; }
    /// Replaces the text with `markdown` (a merge, Use Theirs). Not an undo step: the text's
    /// own history goes with it (the caller clears the stack's steps).
    void loadBody(const QString &markdown);
    /// The text as Markdown. While the text is unmodified (never edited, or undone back to
    /// where it was loaded) that is the loaded Markdown itself, byte for byte.
    QString bodyMarkdown() const;
    /// Undoes or redoes one step of the text's own history; bodyStepApplied() says where.
    void undoBodyStep();
    void redoBodyStep();

    /// `story` with the draft's fields and text. An embargo nobody changed stays exactly as it
    /// was loaded (the form shows minutes; the library may hold seconds).
    void applyTo(Story &story) const;

    /// Where the user's changes are recorded as undo steps; null: not recorded.
    void setUndoStack(QUndoStack *stack) { mStack = stack; }
    QUndoStack *undoStack() const { return mStack; }

Q_SIGNALS:
    /// `field` holds `value` now, by load(), setValue() or an undo: the form shows it. (Not
    /// for edit(): the form that reported the change already shows it.)
    void fieldChanged(fo::StoryDraft::Field field, const QVariant &value);
    /// An undo or a redo changed `field`: the form shows where.
    void fieldRestored(fo::StoryDraft::Field field);
    /// The user changed a field or the text: there is something to save.
    void edited();
    /// An undo or redo of the text happened at `position`: the cursor goes there.
    void bodyStepApplied(int position);

private:
    QMap<Field, QVariant> mValues;
    QDateTime mLoadedEmbargo;
    QTextDocument *mBody = nullptr;
    QString mLoadedBody;
    int mBodyVersion = 0;
    mutable int mMarkdownVersion = -1;
    mutable QString mMarkdown;
    QUndoStack *mStack = nullptr;
    bool mLoading = false;
};

} // namespace fo
