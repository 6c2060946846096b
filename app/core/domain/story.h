#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace fo {

/// Where a story stands in the editorial workflow (DOMAIN.md, "Workflow").
/// ChangesRequested is a draft that a reviewer sent back with a comment.
enum class StoryStatus
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Released,
    Archived
};

/// Stable key stored in the library and used on the command line ("in-review").
QString statusKey(StoryStatus status);
/// Human label ("In review").
QString statusLabel(StoryStatus status);
/// Accepts keys, labels and common spellings ("in_review", "In review", "INREVIEW").
std::optional<StoryStatus> parseStatus(const QString &text);
QVector<StoryStatus> allStatuses();

/// Tag categories of the library. An empty category is "none".
QStringList tagCategories(); // {"office", "topic", "type"}

/// A tag as users write it: "topic/justice-system" has category "topic", name "justice-system".
/// A prefix that is not a known category is part of the name ("foo/bar" is uncategorised).
struct TagLabel
{
    QString category;
    QString name;
    static TagLabel parse(const QString &text);
    QString toString() const; // "topic/justice-system", or just the name when uncategorised
};

/// One news story, as stored in the library.
struct Story
{
    qint64 id = 0; // integer id shown to users
    QString uuid;  // stable across exports and hand-overs
    QString headline;
    QString datelineCity;    // as written, e.g. "GULU"
    QString datelineCountry; // e.g. "UGANDA"
    qint64 officeId = 0;     // 0: none
    QString officeName;      // filled when read; used to find or create the office when written
    QString byline;
    QString summary;
    QString body; // CommonMark Markdown, stored exactly as given
    QString language = QStringLiteral("en");
    StoryStatus status = StoryStatus::Draft;
    QDateTime embargoAt; // UTC; invalid when there is none
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
    QStringList tags;    // tag labels, "topic/justice-system"

    /// "GULU, UGANDA" (upper case), or empty when the story has no dateline.
    QString dateline() const;
};

/// A row of the story list: what a list, a search result or `fieldoffice list` needs.
struct StoryRow
{
    qint64 id = 0;
    QString headline;
    StoryStatus status = StoryStatus::Draft;
    QString officeName;
    QString datelineCity;
    QString datelineCountry;
    QDateTime updatedAt;
    QStringList tags; // only filled when asked for
    QString snippet;  // search only: matched words wrapped in \x02 ... \x03

    QString dateline() const;
};

/// Which stories a list shows. Empty fields do not filter.
struct StoryFilter
{
    std::optional<StoryStatus> status;
    QString tag;    // a tag label, "topic/justice-system" or "justice-system"
    QString office; // office name (case-insensitive)
    QString search; // the user's search text, see SearchQuery
    /// Search as you type: the word still being typed (the last one, when the text does not end
    /// in a space) matches as a prefix, so "police trai" already finds "police training".
    bool prefixLastWord = false;
    bool includeDeleted = false;
    bool onlyDeleted = false; // the Trash: only stories moved there (includeDeleted is then moot)
};

} // namespace fo
