#pragma once

#include "domain/story.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace fo {

/// One `key: value` line of a story file's front matter (or a key followed by `- item` lines).
struct FrontMatterEntry
{
    QString key;       // lower-case
    QString value;     // trimmed and unquoted (see frontMatterValue)
    QString rawValue;  // trimmed, as written; lists are parsed from this
    QStringList items; // YAML-style `- item` lines under the key, unquoted
    int line = 0;      // 1-based line of the key
};

/// The front matter at the top of a Markdown story file:
///
///     ---
///     headline: Court Clerks Digitise 40,000 Case Files in Gulu
///     dateline: GULU, UGANDA
///     ---
///
/// It is present only when the very first line is `---`. Blank lines and lines starting with `#`
/// inside it are ignored.
struct FrontMatter
{
    bool present = false;
    QVector<FrontMatterEntry> entries;
    int bodyStart = 0; // 0-based index of the first line after the closing `---`
    int errorLine = 0; // 1-based; 0 when the front matter is well-formed
    QString error;     // "front matter is not closed with ---"
};

/// Reads the front matter from the lines of a file (without line ends, trailing blanks allowed).
FrontMatter readFrontMatter(const QStringList &lines);

struct ParsedStory; // importparser.h

/// Which keys the front matter set. An empty value counts: `office: ""` means "no office" rather
/// than "the office of the dateline city", and `dateline: ""` means "no dateline".
struct FrontMatterGiven
{
    bool dateline = false;
    bool office = false;
};

/// Applies front matter to a story: headline, dateline, office, byline, summary, tags, language
/// and embargo (keys in any case). Other keys go to `parsed.extra`, with a note. Returns
/// "FILE:LINE: message" for a value that cannot be used (a bad embargo, a key given twice), or
/// an empty string.
QString applyFrontMatter(const FrontMatter &fm, const QString &displayName, ParsedStory &parsed,
                         FrontMatterGiven *given, QStringList *notes);

/// An ISO 8601 date and time: "2024-05-01T09:00:00Z", "2024-05-01 12:00+03:00",
/// "2024-05-01T09:00:00.250" or "2024-05-01"; UTC when it has no offset.
std::optional<QDateTime> parseIsoDateTime(const QString &text);

/// A front-matter value as the user meant it: the text trimmed, and, when the whole of it is one
/// double-quoted string, unquoted with the escapes \" \\ \n \r \t (any other backslash is kept as
/// written). Anything else is taken literally, so `"Justice delayed" is justice denied` keeps
/// its quotes.
QString frontMatterValue(const QString &raw);
/// The inverse of frontMatterValue: the value as written, quoted only when it would otherwise not
/// read back the same (empty, surrounding spaces, line breaks, tabs, a leading double quote).
QString quoteFrontMatterValue(const QString &value);
/// A comma-separated list (`a, b, "c, d"`), optionally in brackets (`[a, b]`). Items may be
/// quoted like values; empty items are dropped.
QStringList parseFrontMatterList(const QString &raw);
QString formatFrontMatterList(const QStringList &items);

/// One line of plain text (no line break, no surrounding blanks) as CommonMark that renders as
/// exactly the same text: \ * _ ` [ ] < and entity-like `&name;` are backslash-escaped, and so
/// are line starts that would open a block (# > + - = ~~~ "1." "1)").
QString escapeMarkdownText(const QString &line);

/// The story as a Markdown file with front matter (`---` … `---`) followed by the body, as
/// `fieldoffice show --markdown` prints it. parseMarkdownStory() of the result gives back the same
/// headline, dateline, office, byline, summary, tags, language, embargo and body (bodies as the
/// importer stores them: no blank lines or line breaks at the ends, no trailing blanks on lines
/// except Markdown hard breaks). The status is written as `status:`, which import ignores.
QString storyToMarkdown(const Story &story);

} // namespace fo
