#pragma once

#include <QString>
#include <QTextFormat>

class QTextDocument;

namespace fo {

/*
 * Conversion between a story body (CommonMark Markdown) and the QTextDocument the rich-text
 * editor works on. Qt's own QTextDocument::toMarkdown() rewraps and normalises, which would turn
 * every save into a rewrite of the whole body, so reading and writing are done here.
 *
 * CANONICAL FORM — exactly what documentToCanonicalMarkdown() writes:
 *   - blocks separated by one blank line (inside a block quote by a line ">"), nothing before the
 *     first block, exactly one "\n" at the end; an empty document is the empty string;
 *   - paragraph lines carry no leading or trailing spaces; soft line breaks stay where the text had
 *     them; a hard break is a backslash at the end of the line;
 *   - headings are ATX ("## Title", levels 1-6) without closing #s;
 *   - *emphasis*, **strong**, ***both***; `code` with the shortest backtick fence that works;
 *   - [label](destination "title"), or <destination> when the label is the destination itself;
 *     a destination with spaces or unbalanced parentheses is written <like this>;
 *   - bullet items "- ", numbered items "N. " counting up from the list's start; nested items
 *     indented to the content column of their parent item; a list straight after a list of the
 *     same kind uses "*" or "N)" so the two stay two; loose lists have a blank line between items;
 *   - block quotes "> " on every line, ">" on blank lines inside the quote;
 *   - in text, \ * _ ` [ ] < are always escaped with a backslash, & when it would start an
 *     entity, ! right before a link, a heading's trailing #, and at the start of a line anything
 *     that would start a block there: #..###### + space, >, - or + + space, a line of only - or =,
 *     ~~~, and "1." / "1)" + space (written "1\.").
 * For Markdown C in canonical form, documentToMarkdown(markdownToDocument(C)) == C. For any
 * Markdown M, markdownToDocument(documentToMarkdown(markdownToDocument(M))) shows the same
 * document as markdownToDocument(M). Reading treats CRLF, CR, U+2028 and U+2029 as line ends.
 *
 * WHAT IS KEPT VERBATIM. The body is split at blank lines into the smallest groups of top-level
 * blocks that md4c parses the same way on their own as inside the whole text ("units"). A unit
 * the editor can represent becomes ordinary editable blocks; one it cannot (code blocks,
 * thematic breaks, HTML blocks, images, link reference definitions, several paragraphs in one
 * list item, a quote inside a list, …) becomes one "verbatim" block that shows its Markdown
 * source as plain fixed-width text and is written back as that text. Every unit remembers its
 * source, and documentToMarkdown() writes an unedited unit as its original source, so opening a
 * story and editing one paragraph changes only that paragraph, even in non-canonical Markdown.
 * Units that depend on each other are one unit: an indented or list unit after a list, and, when
 * a link uses a reference definition that sits inside another unit, the whole body. Unedited,
 * the text comes back as it was, up to line ends and blank lines at the start and end.
 *
 * Raw inline HTML is kept as literal text (marked RawHtml) and never rendered. Links are made
 * clickable only for http, https and mailto; any other target is shown as its plain label and
 * kept in KeptHref so that it round-trips.
 */

// Format properties used on the documents built here. The editor needs some of them (to mark a
// quote, to keep a verbatim block as it is); the offset keeps clear of other UserProperty users.
namespace MarkdownProperty {
enum : int
{
    BlockKind = QTextFormat::UserProperty + 0x4d00, // block: int, MarkdownBlockKind
    QuoteId,        // block: int, tells two adjacent quotes apart (depth is BlockQuoteLevel)
    ListStart,      // list format: int, first number (Qt 6.4 lists cannot show it)
    ListLoose,      // list format: bool, blank lines between items
    InlineCode,     // char: bool
    RawHtml,        // char: bool, inline HTML shown as literal text
    SoftBreak,      // char: bool, on a space that was a line break in the source
    KeptHref,       // char: QString, link target that is not made clickable
    LinkTitle,      // char: QString
    GroupId,        // block: int, the unit the block was loaded from
    GroupSource,    // block: QString, first block of a unit: its original Markdown
    GroupCanonical, // block: QString, first block of a unit: its canonical Markdown at load
    GroupSeparator, // block: QString, first block of a unit: blank lines before it in the source
};
}

enum class MarkdownBlockKind
{
    Text = 0,
    Verbatim = 1
};

// Replaces the content of doc with the parsed Markdown. Clears the undo history and the modified
// flag: loading is not an edit.
void markdownToDocument(const QString &markdown, QTextDocument *doc);

// Canonical Markdown, except that units unchanged since markdownToDocument() are written as
// their original source (checked to render the same as the canonical text).
QString documentToMarkdown(const QTextDocument *doc);

// Canonical Markdown only; ignores remembered sources (verbatim blocks are still their text).
QString documentToCanonicalMarkdown(const QTextDocument *doc);

// Turns pasted HTML (web page, word processor) into Markdown with only what a body may hold:
// paragraphs, line breaks, bold, italic, headings (levels 2-3), lists, block quotes and
// http/https/mailto links. Never loads a resource and never runs a script.
QString sanitizeHtmlToMarkdown(const QString &html);

/// A paste as sanitizeHtmlToMarkdown() makes it, or why it is refused (storylimits.h: more than
/// limits::kMaxPastedBlocks paragraphs). A refused paste is left as soon as the limit is passed.
struct PastedHtml
{
    QString markdown;
    QString refusal; // "Not pasted: …"; empty when the paste is taken
};
PastedHtml pasteHtml(const QString &html);

// True for the link targets the editor makes clickable: http, https and mailto.
bool isAllowedLinkTarget(const QString &href);

} // namespace fo
