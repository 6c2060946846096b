#include "editor/spellhighlighter.h"

#include "editor/spellchecker.h"
#include "spelling/spellwords.h"

#include <QElapsedTimer>
#include <QSignalBlocker>
#include <QTextDocument>

namespace fo {

namespace {

/// How long one slice of redrawing may hold the event loop.
constexpr qint64 kSliceNs = 3'000'000;

} // namespace

SpellHighlighter::SpellHighlighter(SpellChecker *checker, QTextDocument *document)
    : QSyntaxHighlighter(document), mChecker(checker)
{
    mFormat.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    mFormat.setUnderlineColor(QColor(0xd0, 0x10, 0x10));
    mSlice.setSingleShot(true);
    mSlice.setInterval(0);
    connect(&mSlice, &QTimer::timeout, this, &SpellHighlighter::drawSlice);
    redrawNow(); // now, quietly: instead of the one QSyntaxHighlighter would start later
}

void SpellHighlighter::redrawNow()
{
    const QSignalBlocker quiet(document());
    rehighlight();
}

void SpellHighlighter::redrawBlock(const QTextBlock &block)
{
    const QSignalBlocker quiet(document());
    rehighlightBlock(block);
}

void SpellHighlighter::redrawWords(const QStringList &words)
{
    for (const QString &word : words) {
        mPendingWords.insert(word);
    }
    mNextBlock = 0; // the blocks before may hold the new words too
    mSlice.start();
}

void SpellHighlighter::redrawAll()
{
    mPendingAll = true;
    mNextBlock = 0;
    mSlice.start();
}

bool SpellHighlighter::blockHoldsPendingWord(const QTextBlock &block) const
{
    const QVector<SpellWord> words = spellWords(block.text());
    for (const SpellWord &w : words) {
        if (mPendingWords.contains(w.word)) {
            return true;
        }
    }
    return false;
}

void SpellHighlighter::drawSlice()
{
    QElapsedTimer slice;
    slice.start();
    QTextBlock block = document()->findBlockByNumber(mNextBlock);
    while (block.isValid()) {
        if (mPendingAll || blockHoldsPendingWord(block)) {
            redrawBlock(block);
        }
        block = block.next();
        ++mNextBlock;
        if (block.isValid() && slice.nsecsElapsed() > kSliceNs) {
            mSlice.start(); // the rest after the events that came meanwhile
            return;
        }
    }
    mPendingAll = false;
    mPendingWords.clear();
    mNextBlock = 0;
}

void SpellHighlighter::setTypingAt(int blockNumber, int positionInBlock)
{
    mCaretBlock = blockNumber;
    mCaretPosition = positionInBlock;
}

void SpellHighlighter::caretMoved(int blockNumber, int positionInBlock)
{
    if (blockNumber == mCaretBlock && positionInBlock == mCaretPosition) {
        return; // just after what was typed
    }
    const bool inSkipped = mSkippedBlock >= 0 && blockNumber == mSkippedBlock &&
                           positionInBlock >= mSkippedStart && positionInBlock <= mSkippedEnd;
    if (inSkipped) {
        return;
    }
    mCaretBlock = -1;
    mCaretPosition = -1;
    if (mSkippedBlock >= 0) {
        const QTextBlock block = document()->findBlockByNumber(mSkippedBlock);
        mSkippedBlock = -1;
        if (block.isValid()) {
            redrawBlock(block);
        }
    }
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    if (mChecker->state() != SpellChecker::State::Ready) {
        return;
    }
    const int number = currentBlock().blockNumber();
    if (number == mSkippedBlock) {
        mSkippedBlock = -1;
    }
    const QVector<SpellWord> words = spellWords(text);
    for (const SpellWord &w : words) {
        const bool typing = number == mCaretBlock && mCaretPosition >= w.start &&
                            mCaretPosition <= w.start + w.length;
        if (typing) {
            // Neither underlined nor even asked about ("famil", "famili" …) until the caret
            // leaves it and its block is drawn again.
            mSkippedBlock = number;
            mSkippedStart = w.start;
            mSkippedEnd = w.start + w.length;
            continue;
        }
        if (mChecker->verdict(w.word) != SpellChecker::Verdict::Misspelt) {
            continue;
        }
        setFormat(w.start, w.length, mFormat);
    }
}

} // namespace fo
