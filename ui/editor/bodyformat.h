#pragma once

#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextListFormat>
#include <QVector>

class QTextBlock;

/// Structural edits of a story body document — headings, lists, quotes, links — in the form
/// the Markdown writer reads back (markdowndocument.h). Each edit is one undo step.
namespace fo::bodyformat {

/// The blocks a cursor's selection touches (the cursor's block without a selection).
QVector<QTextBlock> selectedBlocks(const QTextCursor &cursor);

/// A character format for a heading of `level` (0: body text); bold text stays bold.
QTextCharFormat headingCharFormat(QTextCharFormat format, int level);
/// Heading `level` for the selected blocks, or body text when all of them already are one.
/// Returns the level applied.
int toggleHeading(const QTextCursor &cursor, int level);

/// Makes the selected blocks a list of `style`, changes the style of the list they are in, or,
/// when they already are such a list, makes them paragraphs again.
void toggleList(const QTextCursor &cursor, QTextListFormat::Style style);
void indentListItem(const QTextCursor &cursor);
void outdentListItem(const QTextCursor &cursor);
void removeFromList(const QTextBlock &block);

int quoteLevel(const QTextBlock &block);
/// Quotes the selected blocks (joining a quote right next to them), or unquotes them when all
/// of them are quoted.
void toggleQuote(const QTextCursor &cursor);

/// Paragraph spacing for reading: space below paragraphs and headings, little between list
/// items. Layout only; the Markdown never sees it. Not an undo step when called with undo off.
void spaceBlock(const QTextBlock &block);
void spaceBlocks(QTextDocument *doc);
/// Makes `doc` show `markdown` as its whole text, spaced for reading: not an edit (no undo
/// step, the document unmodified afterwards).
void loadMarkdown(QTextDocument *doc, const QString &markdown);

/// `format` without any link.
QTextCharFormat withoutLink(QTextCharFormat format);
/// A cursor selecting the link the cursor is in or right after, or a null cursor.
QTextCursor linkSpan(const QTextCursor &cursor);
/// Removes every link in the range.
void removeLinks(const QTextCursor &range);

} // namespace fo::bodyformat
