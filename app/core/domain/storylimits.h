#pragma once

#include "base/refusal.h"

#include <QString>
#include <QStringList>

namespace fo {

struct Story;

/// The sizes a story may have, in one place, and the checks that enforce them. Every way a story
/// gets into a library (import, paste, `fieldoffice edit --body-file`, the editor's saves) ends in
/// StoryRepository::create/update, which refuses a story past these limits with
/// withinStoryLimits()'s refusal; import and paste check earlier too, to refuse before the work.
namespace limits {

/// A story's body, in bytes of UTF-8 Markdown. A news story is 1–20 KB (the demo stories 2–4 KB)
/// and a long investigative report perhaps 100 KB: 1 MiB is ten times that. A 50 MB body took
/// 904 MB to import and 2.5 GB to print; at 1 MiB each step stays in tens of megabytes.
constexpr qsizetype kMaxBodyBytes = 1024 * 1024;
/// A file to import: one Markdown story, or a plain-text file that may hold many stories.
constexpr qint64 kMaxImportFileBytes = 16 * 1024 * 1024;
/// Tags on one story. Editors use 3–10; a hundred still fits on a story card, five thousand only
/// come from a script gone wrong.
constexpr int kMaxTagsPerStory = 100;
/// Characters in one tag label ("topic/justice-system").
constexpr int kMaxTagLength = 100;
/// Characters in the headline: a headline is a line (under 120 characters in practice).
constexpr int kMaxHeadlineLength = 500;
/// Characters in the summary (the standfirst: a paragraph).
constexpr int kMaxSummaryLength = 5000;
/// Characters in the byline, the office name, and each of dateline city and country.
constexpr int kMaxShortFieldLength = 500;
/// Lists and block quotes inside one another. A story needs two or three levels; eight leaves
/// room for any real document, while deeper nesting only comes from hostile or broken input (a
/// 20,000-deep list crashed every renderer). Deeper structure is flattened to this depth at
/// import and paste, and every renderer stops nesting there.
constexpr int kMaxNestingDepth = 8;
/// List items in the editor's document. Qt marks every item of a QTextList dirty when one is
/// added, so building a list costs the square of its length (40,000 pasted items took minutes).
/// A list longer than kMaxListItems, and every list after the first kMaxDocumentListItems items
/// of a body, is shown as its Markdown source instead; a pasted list continues as a new list.
/// Real lists (names, demands, dates) stay far below both.
constexpr int kMaxListItems = 500;
constexpr int kMaxDocumentListItems = 5000;
/// Paragraphs (headings, list items, table cells) in one paste, and lines in one pasted
/// Markdown text. A pasted article has tens to hundreds; every block costs the editor's
/// document a layout, so a crafted paste of tens of thousands would freeze the window.
constexpr int kMaxPastedBlocks = 5000;
constexpr int kMaxPastedLines = 20000;
/// HTML from the clipboard, in UTF-16 characters. A pasted web page with its markup is rarely
/// over 1 MB; the text it gives must still fit kMaxBodyBytes.
constexpr qsizetype kMaxPasteHtmlChars = 8 * 1024 * 1024;

} // namespace limits

/// "512 KB", "1 MB", "50.0 MB": sizes in refusals.
QString formatByteSize(qint64 bytes);
/// Bytes of `text` in UTF-8, counted without converting it.
qsizetype utf8Size(const QString &text);
/// Why the body cannot be stored ("the story is 50.0 MB of text; a story may hold at most 1 MB
/// (split it into several stories)"), or an empty string.
QString checkBodySize(const QString &body);
/// Why the tag list cannot be stored, or an empty string. Linear in the number of tags.
QString checkTags(const QStringList &tags);
/// The short fields with a length limit, as StoryFieldTooLong names them (in its `id`).
enum class StoryLimitField
{
    Headline,
    Summary,
    Byline,
    OfficeName,
    DatelineCity,
    DatelineCountry,
};
/// The most characters `field` may have.
int storyFieldLimit(StoryLimitField field);
/// Done when the story may be stored; otherwise the first limit it passes (StoryBodyTooLarge,
/// StoryTooManyTags, StoryTagTooLong, StoryFieldTooLong), worded "cannot save: …".
Status withinStoryLimits(const Story &story);

/// Why a paste cannot be taken: `pasteBytes` of text (UTF-8) into a body of `bodyBytes` would
/// pass limits::kMaxBodyBytes. Empty when it fits.
QString checkPasteSize(qsizetype bodyBytes, qsizetype pasteBytes);
/// Why a paste of `blocks` paragraphs (limits::kMaxPastedBlocks) or `lines` lines of Markdown
/// (limits::kMaxPastedLines) is not taken; empty when it fits.
QString checkPastedBlocks(qsizetype blocks);
QString checkPastedLines(qsizetype lines);
/// Why pasted HTML of `chars` UTF-16 characters is not even read (limits::kMaxPasteHtmlChars).
QString checkPasteHtmlSize(qsizetype chars);

/// Replaces what is not text with U+FFFD: lone surrogates and the noncharacters (U+FDD0–U+FDEF
/// and the last two code points of every plane, U+FFFE … U+10FFFF), which no font draws and
/// which PDF and XML writers refuse. Returns how many were replaced; `firstAt` gets the index
/// of the first.
int replaceNonCharacters(QString *text, qsizetype *firstAt = nullptr);

} // namespace fo
