#include "editor/bodyformat.h"

#include "markdown/markdowndocument.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

namespace fo::bodyformat {

namespace {

/// The quote indent of markdowndocument.cpp, so that a quote made here looks like a loaded one.
constexpr qreal kQuoteIndent = 24;
constexpr qreal kParagraphSpacing = 8;

/// Spacing again for the blocks an edit touched and their neighbours (a list's last item).
void respace(const QVector<QTextBlock> &blocks)
{
    if (blocks.isEmpty()) {
        return;
    }
    spaceBlock(blocks.first().previous());
    for (const QTextBlock &b : blocks) {
        spaceBlock(b);
    }
    spaceBlock(blocks.last().next());
}

int quoteId(const QTextBlock &block)
{
    return block.blockFormat().intProperty(MarkdownProperty::QuoteId);
}

struct Run
{
    int start;
    int end;
    QTextCharFormat format;
};

void applyRuns(QTextDocument *doc, const QVector<Run> &runs)
{
    for (const Run &run : runs) {
        QTextCursor c(doc);
        c.setPosition(run.start);
        c.setPosition(run.end, QTextCursor::KeepAnchor);
        c.setCharFormat(run.format);
    }
}

void setHeadingOf(const QTextBlock &block, int level)
{
    QTextCursor bc(block);
    QTextBlockFormat bf = block.blockFormat();
    if (level > 0) {
        bf.setHeadingLevel(level);
    } else {
        bf.clearProperty(QTextFormat::HeadingLevel);
    }
    bc.setBlockFormat(bf);
    QVector<Run> runs;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        runs.append(
            {f.position(), f.position() + f.length(), headingCharFormat(f.charFormat(), level)});
    }
    applyRuns(bc.document(), runs);
    bc.setBlockCharFormat(headingCharFormat(block.charFormat(), level));
}

/// The list at `indent` that a list item right below it would continue, if any.
QTextList *listAbove(const QTextBlock &block, int indent)
{
    for (QTextBlock p = block.previous(); p.isValid() && p.textList(); p = p.previous()) {
        const int pIndent = p.textList()->format().indent();
        if (pIndent == indent) {
            return p.textList();
        }
        if (pIndent < indent) {
            break;
        }
    }
    return nullptr;
}

void moveToListAt(const QTextBlock &block, QTextList *current, int indent)
{
    if (QTextList *into = listAbove(block, indent)) {
        into->add(block);
        return;
    }
    QTextListFormat lf = current->format();
    lf.setIndent(indent);
    QTextCursor(block).createList(lf);
}

} // namespace

QVector<QTextBlock> selectedBlocks(const QTextCursor &cursor)
{
    const QTextDocument *doc = cursor.document();
    const QTextBlock first = doc->findBlock(cursor.selectionStart());
    QTextBlock last = doc->findBlock(cursor.selectionEnd());
    // A selection that ends at the very start of a block does not touch that block.
    if (cursor.hasSelection() && last != first && cursor.selectionEnd() == last.position()) {
        last = last.previous();
    }
    QVector<QTextBlock> blocks;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        blocks.append(b);
        if (b == last) {
            break;
        }
    }
    return blocks;
}

QTextCharFormat headingCharFormat(QTextCharFormat format, int level)
{
    const bool bold = format.fontWeight() >= QFont::Bold;
    if (level > 0) {
        format.setProperty(QTextFormat::FontSizeAdjustment, qBound(-2, 4 - level, 3));
        // DemiBold, as loaded headings are: strong text inside a heading (Bold) stays apart.
        format.setFontWeight(bold ? QFont::Bold : QFont::DemiBold);
    } else {
        format.clearProperty(QTextFormat::FontSizeAdjustment);
        if (bold) {
            format.setFontWeight(QFont::Bold);
        } else {
            format.clearProperty(QTextFormat::FontWeight);
        }
    }
    return format;
}

int toggleHeading(const QTextCursor &cursor, int level)
{
    const QVector<QTextBlock> blocks = selectedBlocks(cursor);
    bool all = true;
    for (const QTextBlock &b : blocks) {
        all = all && b.blockFormat().headingLevel() == level;
    }
    const int target = all ? 0 : level;
    QTextCursor edit(cursor);
    edit.beginEditBlock();
    for (const QTextBlock &b : blocks) {
        setHeadingOf(b, target);
    }
    respace(blocks);
    edit.endEditBlock();
    return target;
}

void removeFromList(const QTextBlock &block)
{
    if (QTextList *list = block.textList()) {
        list->remove(block);
    }
    // QTextList::remove() moves the list's indent onto the block; a paragraph has none.
    QTextBlockFormat bf;
    bf.setIndent(0);
    QTextCursor(block).mergeBlockFormat(bf);
    respace({block});
}

void toggleList(const QTextCursor &cursor, QTextListFormat::Style style)
{
    const QVector<QTextBlock> blocks = selectedBlocks(cursor);
    QTextCursor edit(cursor);
    QTextList *current = edit.currentList();
    edit.beginEditBlock();
    if (current && current->format().style() == style) {
        for (const QTextBlock &b : blocks) {
            removeFromList(b);
        }
    } else if (current) {
        for (const QTextBlock &b : blocks) {
            if (QTextList *list = b.textList()) {
                QTextListFormat lf = list->format();
                lf.setStyle(style);
                list->setFormat(lf);
            }
        }
    } else {
        // Right after a list of this kind the blocks join it, rather than starting a second
        // list that Markdown would have to keep apart.
        QTextList *above = blocks.first().previous().textList();
        if (above && above->format().style() == style && above->format().indent() == 1) {
            for (const QTextBlock &b : blocks) {
                above->add(b);
            }
        } else {
            QTextListFormat lf;
            lf.setStyle(style);
            lf.setIndent(1);
            edit.createList(lf);
        }
    }
    respace(blocks);
    edit.endEditBlock();
}

namespace {

/// Moves the list item at the cursor `by` levels deeper (or shallower); above the first
/// level it leaves the list.
void shiftListItem(const QTextCursor &cursor, int by)
{
    const QTextBlock block = cursor.block();
    QTextList *list = block.textList();
    if (!list) {
        return;
    }
    QTextCursor edit(cursor);
    edit.beginEditBlock();
    const int target = list->format().indent() + by;
    if (target < 1) {
        removeFromList(block);
    } else {
        moveToListAt(block, list, target);
    }
    edit.endEditBlock();
}

} // namespace

void indentListItem(const QTextCursor &cursor)
{
    shiftListItem(cursor, 1);
}

void outdentListItem(const QTextCursor &cursor)
{
    shiftListItem(cursor, -1);
}

int quoteLevel(const QTextBlock &block)
{
    return block.isValid() ? block.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) : 0;
}

void toggleQuote(const QTextCursor &cursor)
{
    const QVector<QTextBlock> blocks = selectedBlocks(cursor);
    bool all = true;
    for (const QTextBlock &b : blocks) {
        all = all && quoteLevel(b) > 0;
    }
    int id = 0;
    if (!all) {
        // Next to a quote, the new lines join it; otherwise they are a quote of their own.
        if (quoteLevel(blocks.first().previous()) > 0) {
            id = quoteId(blocks.first().previous());
        } else if (quoteLevel(blocks.last().next()) > 0) {
            id = quoteId(blocks.last().next());
        } else {
            for (QTextBlock b = cursor.document()->begin(); b.isValid(); b = b.next()) {
                id = qMax(id, quoteId(b));
            }
            ++id;
        }
    }
    QTextCursor edit(cursor);
    edit.beginEditBlock();
    for (const QTextBlock &b : blocks) {
        QTextBlockFormat bf = b.blockFormat();
        if (all) {
            bf.clearProperty(QTextFormat::BlockQuoteLevel);
            bf.clearProperty(MarkdownProperty::QuoteId);
            bf.setLeftMargin(0);
        } else {
            const int level = qMax(1, quoteLevel(b));
            bf.setProperty(QTextFormat::BlockQuoteLevel, level);
            bf.setProperty(MarkdownProperty::QuoteId, id);
            bf.setLeftMargin(kQuoteIndent * level);
        }
        QTextCursor(b).setBlockFormat(bf);
    }
    edit.endEditBlock();
}

void spaceBlock(const QTextBlock &block)
{
    if (!block.isValid()) {
        return;
    }
    const QTextBlockFormat current = block.blockFormat();
    qreal top = 0;
    qreal bottom = kParagraphSpacing;
    if (current.headingLevel() > 0) {
        top = kParagraphSpacing;
        bottom = kParagraphSpacing / 2;
    } else if (const QTextList *list = block.textList()) {
        const bool last = list->itemNumber(block) == list->count() - 1;
        bottom = last ? kParagraphSpacing : kParagraphSpacing / 4;
    }
    if (current.topMargin() == top && current.bottomMargin() == bottom) {
        return;
    }
    QTextBlockFormat spacing;
    spacing.setTopMargin(top);
    spacing.setBottomMargin(bottom);
    QTextCursor(block).mergeBlockFormat(spacing);
}

void spaceBlocks(QTextDocument *doc)
{
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        spaceBlock(b);
    }
}

void loadMarkdown(QTextDocument *doc, const QString &markdown)
{
    markdownToDocument(markdown, doc);
    doc->setUndoRedoEnabled(false);
    QTextCursor batch(doc); // one layout pass for all the spacing
    batch.beginEditBlock();
    spaceBlocks(doc);
    batch.endEditBlock();
    doc->setUndoRedoEnabled(true);
    doc->setModified(false);
}

QTextCharFormat withoutLink(QTextCharFormat format)
{
    format.setAnchor(false);
    format.clearProperty(QTextFormat::AnchorHref);
    format.clearProperty(MarkdownProperty::KeptHref);
    format.clearProperty(MarkdownProperty::LinkTitle);
    format.clearProperty(QTextFormat::TextUnderlineStyle);
    format.clearProperty(QTextFormat::FontUnderline);
    format.clearForeground();
    return format;
}

QTextCursor linkSpan(const QTextCursor &cursor)
{
    const int pos = cursor.position();
    struct Span
    {
        int start;
        int end;
        QString href;
    };
    QVector<Span> spans;
    const QTextBlock block = cursor.block();
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        const QTextCharFormat cf = f.charFormat();
        const QString href = cf.isAnchor() ? cf.anchorHref() : QString();
        if (!spans.isEmpty() && spans.last().href == href) {
            spans.last().end = f.position() + f.length();
        } else {
            spans.append({f.position(), f.position() + f.length(), href});
        }
    }
    for (const Span &span : spans) {
        // Inside the link, or right after its last character (where typing would extend it).
        if (!span.href.isEmpty() && pos > span.start && pos <= span.end) {
            QTextCursor c(cursor.document());
            c.setPosition(span.start);
            c.setPosition(span.end, QTextCursor::KeepAnchor);
            return c;
        }
    }
    return QTextCursor();
}

void removeLinks(const QTextCursor &range)
{
    if (range.isNull() || !range.hasSelection()) {
        return;
    }
    QTextDocument *doc = range.document();
    const int from = range.selectionStart();
    const int to = range.selectionEnd();
    QVector<Run> runs;
    for (QTextBlock b = doc->findBlock(from); b.isValid() && b.position() < to; b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const int start = qMax(from, f.position());
            const int end = qMin(to, f.position() + f.length());
            if (start < end) {
                runs.append({start, end, withoutLink(f.charFormat())});
            }
        }
    }
    QTextCursor edit(range);
    edit.beginEditBlock();
    applyRuns(doc, runs);
    edit.endEditBlock();
}

} // namespace fo::bodyformat
