#pragma once

#include "domain/story.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace fo {

/// A story read from a file, not yet stored.
struct ParsedStory
{
    Story story;
    int line = 0; // 1-based first line of the story in the file
    /// Front-matter keys outside the import set, lower-cased ("status" → "approved").
    QMap<QString, QString> extra;
};

/// What reading one file gave: its stories, or one error that names the file and line.
struct ParseResult
{
    QVector<ParsedStory> stories;
    QStringList notes; // "notes.txt:1-3: skipped text before the first headline"
    QString error;     // "notes.txt:12: front matter is not closed with ---"; empty when ok
    bool ok() const { return error.isEmpty(); }
};

/// A dateline at the start of a line: `GULU, UGANDA – For three weeks …`.
struct DatelineMatch
{
    QString city;    // as written: "QUEZON CITY"
    QString country; // as written: "THE PHILIPPINES"
    int length = 0;  // characters taken by the dateline, its dash and the blanks after it
};

/// Finds the dateline at the start of `line` (see the rule at the definition). With `markdown`,
/// the dateline may also be written in bold (`**GULU, UGANDA** –`).
std::optional<DatelineMatch> matchDateline(const QString &line, bool markdown = false);

/// Text as the importer reads it: CRLF and CR become LF, a leading BOM goes, NFC. (Blanks at line
/// ends are dropped by the parsers: plain text drops them all, Markdown keeps hard line breaks.)
QString normaliseImportText(const QString &text);

/// One story from a Markdown file with optional front matter (storymarkdown.h).
ParseResult parseMarkdownStory(const QString &text, const QString &displayName);
/// One or more stories from a plain-text file; each starts at a headline line, a blank line, and
/// a paragraph that begins with a dateline.
ParseResult parsePlainTextStories(const QString &text, const QString &displayName);
/// Reads the file (refuses unreadable files, files with NUL bytes or invalid UTF-8, giving the
/// line), strips a UTF-8 BOM, normalises line endings and text to NFC, and chooses Markdown for
/// .md/.markdown, plain text otherwise.
ParseResult parseFile(const QString &path);

} // namespace fo
