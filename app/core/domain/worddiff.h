#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace fo {

struct Story;

/// A run of text in a diff.
struct DiffSegment
{
    enum class Kind
    {
        Equal,
        Inserted,
        Removed
    };
    Kind kind = Kind::Equal;
    QString text;

    bool operator==(const DiffSegment &other) const
    {
        return kind == other.kind && text == other.text;
    }
};

/// The diff of one field of a story.
struct FieldDiff
{
    QString field; // "headline", "dateline", "office", "byline", "summary", "language",
                   // "embargo", "tags", "body"
    QString label; // "Headline"
    QVector<DiffSegment> segments;
    bool changed = false;
};

/// Splits text into words, spaces and punctuation, each a token, on Unicode word boundaries
/// (QTextBoundaryFinder), so Bengali and Tamil words with their vowel signs stay whole.
QStringList wordTokens(const QString &text);

/// A word-level diff of `before` and `after` (Myers' algorithm over wordTokens()), with
/// adjacent runs merged and a blank between two changes folded into them, so that replacing
/// two words reads "[-quick brown-]{+slow red+}" rather than four pieces.
QVector<DiffSegment> diffWords(const QString &before, const QString &after);

/// Tags compared as a set: kept, removed and added labels, sorted, separated by ", ".
QVector<DiffSegment> diffTags(const QStringList &before, const QStringList &after);

/// Headline, metadata (dateline, office, byline, summary, language, embargo), tags and body.
QVector<FieldDiff> diffStories(const Story &before, const Story &after);

/// "the [-quick-]{+slow+} fox" (wdiff style), for the command line.
QString diffToPlainText(const QVector<DiffSegment> &segments);
/// Escaped HTML with <del> and <ins>; line breaks become <br>.
QString diffToHtml(const QVector<DiffSegment> &segments);
/// Every changed field (or every field when `all`): "Headline:\n  text\n" blocks.
QString storyDiffToPlainText(const QVector<FieldDiff> &diff, bool all = false);
/// A small HTML document: one section per changed field (or per field when `all`).
QString storyDiffToHtml(const QVector<FieldDiff> &diff, bool all = false);

} // namespace fo
