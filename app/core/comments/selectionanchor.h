#pragma once

#include "comments/commentanchor.h"

#include <QString>
#include <QVector>

namespace fo {

/// A range of text: [start, start + length). Invalid when start < 0.
struct TextRange
{
    int start = -1;
    int length = 0;
    bool isValid() const { return start >= 0; }
};

/// Where the characters a reader sees come from in the Markdown. The editor and the preview
/// show rendered text (no `**`, no `\` before `Sarika*`, no `## `, no link targets), while
/// comment anchors point into the stored Markdown. This walks both once, in order, and pairs
/// each rendered character with the source character that shows it, stepping over markup:
/// emphasis runs, backslash escapes, block prefixes, link destinations. It needs no source
/// positions from a parser, so it also holds for verbatim blocks (shown as their source) and
/// for text the parser decoded (an entity that has no single source character is unpaired).
class SourceAlignment
{
public:
    /// `rendered` as a QTextDocument holds it (QTextDocument::toRawText(): U+2029 between
    /// blocks, U+2028 for a hard break), `source` the Markdown it was read from.
    SourceAlignment(const QString &rendered, const QString &source);

    /// The source index of rendered character `i`, or -1 when it has none.
    int sourceIndex(int i) const { return mMap.value(i, -1); }
    /// The source range that covers the rendered range, markup inside it included; invalid
    /// when no character of it could be paired. Blanks at either end are left out.
    TextRange toSource(int start, int end) const;
    /// The rendered range showing source range `range` (a located anchor); invalid when none
    /// of its characters is shown.
    TextRange toRendered(TextRange range) const;

private:
    QString mRendered;
    QVector<int> mMap;
};

/// The anchor for the passage a reader selected, [start, end) of `rendered`, in `source`.
/// Null (isNull()) when the selection holds no visible character.
CommentAnchor anchorForRenderedSelection(const QString &rendered, int start, int end,
                                         const QString &source);

/// A quote as a reader reads it: backslash escapes and emphasis marks taken out
/// ("Sarika\*" → "Sarika*", "**police** said" → "police said"), blanks folded.
QString readableQuote(const QString &markdownQuote);

} // namespace fo
