#pragma once

#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTimer>

namespace fo {

class SpellChecker;

/// Underlines misspelt words (red, the platform's spell-check underline) in the story text.
/// Only draws what the SpellChecker already knows: a word not yet checked is queued and drawn
/// when its answer arrives, so typing never waits for the dictionary. The word being typed
/// (the one at the caret) is left alone until the caret leaves it.
///
/// The underline is a layout format: not part of the text, its Markdown, its undo history or
/// its modified state. Drawing it lays the block out again (about a millisecond for a long
/// paragraph), so whatever touches many blocks (answers for a whole story, Ignore, switching
/// spelling off) is drawn a few milliseconds at a time between the events: a keystroke waits
/// for one slice at most.
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
    /// Draws the blocks that hold one of `words` again, a slice at a time (answers arrived,
    /// a word was accepted).
    void redrawWords(const QStringList &words);
    /// Draws every block again (spelling switched on or off, another language), a slice at a
    /// time.
    void redrawAll();
    /// True while blocks wait to be drawn again.
    bool isDrawing() const { return mPendingAll || !mPendingWords.isEmpty(); }

protected:
    void highlightBlock(const QString &text) override;

private:
    /// Use these, not rehighlight(): they keep the document quiet, while QSyntaxHighlighter's
    /// own would report a change of content (contentsChanged) that the draft would take for
    /// an edit to save.
    void redrawNow();
    void redrawBlock(const QTextBlock &block);
    void drawSlice();
    bool blockHoldsPendingWord(const QTextBlock &block) const;

    SpellChecker *mChecker;
    QTimer mSlice;
    QSet<QString> mPendingWords;
    bool mPendingAll = false;
    int mNextBlock = 0;
    QTextCharFormat mFormat;
    int mCaretBlock = -1;
    int mCaretPosition = -1;
    int mSkippedBlock = -1; // the block whose word at the caret was left alone
    int mSkippedStart = -1;
    int mSkippedEnd = -1;
};

} // namespace fo
