#pragma once

#include <QObject>
#include <QPoint>
#include <QTextCursor>

class QLabel;
class QMenu;
class QWidget;

namespace fo {

class BodyEditor;
class Session;
class SpellChecker;
class SpellHighlighter;
class StoryDraft;

/// Spelling as you type in the story text, in the story's language: misspelt words are
/// underlined, and the text's context menu offers corrections, Add to Library Dictionary
/// (the library's own dictionary, shared by everyone who opens it: LibraryDictionary) and
/// Ignore. Where the language has no dictionary (Tamil), a line above the text says so instead.
///
/// A correction is one undo step of the story (it edits the draft's text). Adding a word writes
/// to the library, not to the story.
class SpellCheck : public QObject
{
    Q_OBJECT

public:
    SpellCheck(Session &session, StoryDraft *draft, BodyEditor *editor, QWidget *parent);
    ~SpellCheck() override;

    /// The line that says why spelling is not checked (hidden otherwise): for the layout.
    QLabel *note() const { return mNote; }
    void setEnabled(bool enabled);
    /// "en_GB" or "en_US" for English stories (UiSettings::englishSpelling at first).
    void setEnglishVariant(const QString &dictionary);
    SpellChecker *checker() const { return mChecker; }
    /// True while words wait for answers or underlines wait to be drawn.
    bool isBusy() const;

    /// What the context menu at `position` (in the text's document) offers for a misspelt word
    /// there; nothing when the word there is not misspelt. Returns true when it added entries.
    bool addMenuEntries(QMenu *menu, int position);
    /// Replaces the word at `position` with `replacement`: one undo step.
    void replaceWord(int position, const QString &replacement);
    /// Adds the word at `position` to the library's dictionary; false (and refused()) when the
    /// library refused.
    bool addToDictionary(const QString &word);

signals:
    /// Adding a word was refused: `reason` says why, as a sentence.
    void refused(const QString &reason);

private:
    void followLanguage();
    void showState();
    /// The checked word at `position` and its cursor selection; an empty word when none.
    QString wordAt(int position, QTextCursor *selection) const;

    Session &mSession;
    StoryDraft *mDraft;
    BodyEditor *mEditor;
    SpellChecker *mChecker;
    SpellHighlighter *mHighlighter;
    QLabel *mNote;
    int mRevision = -1;
};

} // namespace fo
