#include "editor/spellhighlighter.h"

#include "editor/spellchecker.h"
#include "spelling/spellwords.h"

#include <QSignalBlocker>
#include <QTextDocument>

namespace fo {

namespace {

/// Past this many newly known misspellings, drawing the whole text again is cheaper than
/// looking for each word block by block.
constexpr int kWholeTextThreshold = 20;

} // namespace

SpellHighlighter::SpellHighlighter(SpellChecker *checker, QTextDocument *document)
    : QSyntaxHighlighter(document), mChecker(checker)
{
    mFormat.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    mFormat.setUnderlineColor(QColor(0xd0, 0x10, 0x10));
    redraw(); // now, quietly: instead of the one QSyntaxHighlighter would start later
}

void SpellHighlighter::redraw()
{
    const QSignalBlocker quiet(document());
    rehighlight();
}

void SpellHighlighter::redrawBlock(const QTextBlock &block)
{
    const QSignalBlocker quiet(document());
    rehighlightBlock(block);
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

void SpellHighlighter::showMisspelt(const QStringList &misspelt)
{
    if (misspelt.size() > kWholeTextThreshold) {
        redraw();
        return;
    }
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const QString text = block.text();
        for (const QString &word : misspelt) {
            if (text.contains(word)) {
                redrawBlock(block);
                break;
            }
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
        if (mChecker->verdict(w.word) != SpellChecker::Verdict::Misspelt) {
            continue;
        }
        if (number == mCaretBlock && mCaretPosition >= w.start &&
            mCaretPosition <= w.start + w.length) {
            mSkippedBlock = number;
            mSkippedStart = w.start;
            mSkippedEnd = w.start + w.length;
            continue; // being typed
        }
        setFormat(w.start, w.length, mFormat);
    }
}

} // namespace fo
