#pragma once

#include <QString>

namespace fo {

/// Where an anchored comment points: the quoted passage of the body, some text before and after
/// it, and where it was last seen. The quote is kept as the commenter saw it, so a comment on a
/// passage that was rewritten still shows what it was about.
struct CommentAnchor
{
    static constexpr int kContextLength = 32;

    QString quote;   // empty: a general comment on the story
    QString before;  // up to kContextLength characters before the quote
    QString after;   // up to kContextLength characters after it
    int offset = -1; // where the quote started, in UTF-16 code units of the body

    bool isNull() const { return quote.isEmpty(); }
    /// The anchor for the selection [start, start + length) of `body`.
    static CommentAnchor fromSelection(const QString &body, int start, int length);
};

/// Where an anchor is in the current body.
struct AnchorMatch
{
    enum class Kind
    {
        General,     // the comment has no anchor
        Exact,       // the quoted text, found
        Approximate, // the quote was edited; [start, start+length) is where it was (may be empty)
        Lost,        // neither the quote nor its surroundings are left
    };
    Kind kind = Kind::General;
    int start = -1;
    int length = 0;
};

/// Finds the anchor in `body`. Among several copies of the quote it takes the one whose
/// surroundings match best, then the one nearest the old offset; when the quote is gone it
/// falls back to the surroundings (the text between the old context before and after).
AnchorMatch locateAnchor(const CommentAnchor &anchor, const QString &body);

} // namespace fo
