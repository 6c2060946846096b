#pragma once

#include "domain/worddiff.h"

#include <QString>
#include <QVector>

namespace fo {

struct Story;

/// A passage of the text around one or more changes, with a few words of context.
struct DiffHunk
{
    QVector<DiffSegment> segments;
    bool cutBefore = false; // text before it was left out
    bool cutAfter = false;  // text after it was left out
};

/// What changed between two versions of a story, as a reviewer reads it: the changed details
/// first (headline, dateline, summary, tags, office, embargo, language, byline), then the text
/// as readers see it (no `**`, no `\*`, no `##`), cut to the changed passages.
struct ReadableDiff
{
    QVector<FieldDiff> fields; // the changed details, in the order above
    QVector<DiffHunk> hunks;   // the text's changed passages; empty when the text is the same
    bool isEmpty() const { return fields.isEmpty() && hunks.isEmpty(); }
};

/// The text of a story body as a reader sees it: one line per paragraph, heading or list item
/// (items carry "• " or their number), without Markdown's marks.
QString renderedBodyText(const QString &markdown);

/// Word diff hunks of two texts: each change with up to `contextWords` words around it (not
/// past the end of its paragraph); changes closer than twice that share a hunk.
QVector<DiffHunk> diffHunks(const QString &before, const QString &after, int contextWords = 8);

ReadableDiff readableDiff(const Story &before, const Story &after, int contextWords = 8);

/// A small HTML document with <ins> and <del> (as storyDiffToHtml()): the details, then the
/// passages, "…" where text was left out.
QString readableDiffToHtml(const ReadableDiff &diff);

} // namespace fo
