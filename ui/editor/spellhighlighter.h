#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace fo {

class SpellChecker;

/// Underlines misspelt words (red, the platform's spell-check underline) in the story text.
/// Only draws what the SpellChecker already knows: a word not yet checked is queued and drawn
/// when its answer arrives, so typing never waits for the dictionary. The word being typed
/// (the one at the caret) is left alone until the caret leaves it.
///
/// The underline is a layout format: not part of the text, its Markdown, its undo history or
/// its modified state.
class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    SpellHighlighter(SpellChecker *checker, QTextDocument *document);

    /// The text was just typed into at `positionInBlock` of block `blockNumber` (call before
    /// the highlighter hears of the change): the word there is not underlined while it is
    /// being typed.
    void setTypingAt(int blockNumber, int positionInBlock);
    /// The caret moved: once it has left the word being typed, that word is drawn.
    void caretMoved(int blockNumber, int positionInBlock);
    /// Draws the words of `misspelt` that the text holds (after answers arrived).
    void showMisspelt(const QStringList &misspelt);
    /// Draws every underline again (or takes them away). Use these, not rehighlight(): they
    /// keep the document quiet, while QSyntaxHighlighter's own would report a change of
    /// content (contentsChanged) that the draft would take for an edit to save.
    void redraw();
    void redrawBlock(const QTextBlock &block);

protected:
    void highlightBlock(const QString &text) override;

private:
    SpellChecker *mChecker;
    QTextCharFormat mFormat;
    int mCaretBlock = -1;
    int mCaretPosition = -1;
    int mSkippedBlock = -1; // the block whose word at the caret was left alone
    int mSkippedStart = -1;
    int mSkippedEnd = -1;
};

} // namespace fo
