#pragma once

#include "domain/storylimits.h"

#include <QString>

namespace fo {

/// The deepest nesting of block quotes and list items in `markdown`, as md4c reads it (a list
/// item in a quote in a list item is 3). md4c itself parses any depth without recursion, in
/// linear time; it is what is built from its output that must stay shallow.
int markdownNestingDepth(const QString &markdown);

/// Markdown whose lists and quotes nest no deeper than a limit.
struct FlattenedMarkdown
{
    QString markdown;
    int changedLines = 0; // lines rewritten; 0 when the text was shallow enough already
    int firstLine = 0;    // 1-based first rewritten line
    int lastLine = 0;
    bool structureRemoved = false; // the fallback: every list and quote marker was removed
};

/// Brings `markdown` to at most `maxDepth` levels of lists and quotes (limits::kMaxNestingDepth):
/// a line deeper than that keeps its first `maxDepth` levels, and its text becomes a paragraph
/// of the deepest kept one. Text shallow enough is returned unchanged, byte for byte. Should
/// the line-by-line reading miss a deeper structure (laziness, tabs), the fallback removes all
/// list and quote markers from the starts of lines. Linear in the length of the text.
FlattenedMarkdown flattenDeepNesting(const QString &markdown,
                                     int maxDepth = limits::kMaxNestingDepth);

/// "lists and quotes nested more than 8 deep were flattened to 8 levels (lines 3-7)"; `lineOffset`
/// is added to the line numbers (the body's first line in its file, less one).
QString flattenNote(const FlattenedMarkdown &flattened, int lineOffset = 0);

} // namespace fo
