#include "comments/commentanchor.h"

#include <QVector>

#include <cstdlib>
#include <limits>

namespace fo {

namespace {

int commonSuffix(const QString &text, int end, const QString &suffix)
{
    int n = 0;
    while (n < suffix.size() && end - n - 1 >= 0 &&
           text.at(end - n - 1) == suffix.at(suffix.size() - n - 1)) {
        ++n;
    }
    return n;
}

int commonPrefix(const QString &text, int start, const QString &prefix)
{
    int n = 0;
    while (n < prefix.size() && start + n < text.size() && text.at(start + n) == prefix.at(n)) {
        ++n;
    }
    return n;
}

QVector<int> occurrences(const QString &body, const QString &needle)
{
    QVector<int> at;
    if (needle.isEmpty()) {
        return at;
    }
    for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
        at.append(i);
    }
    return at;
}

/// Ends of the text before the quote: where a copy of `before` (or of its last part) ends.
/// An empty `before` means the quote opened the body.
QVector<int> contextEnds(const QString &body, const QString &before)
{
    if (before.isEmpty()) {
        return {0};
    }
    for (const QString &ctx : {before, before.right(CommentAnchor::kContextLength / 3)}) {
        QVector<int> ends;
        for (const int i : occurrences(body, ctx)) {
            ends.append(i + ctx.size());
        }
        if (!ends.isEmpty()) {
            return ends;
        }
    }
    return {};
}

/// Starts of the text after the quote; an empty `after` means the quote closed the body.
QVector<int> contextStarts(const QString &body, const QString &after)
{
    if (after.isEmpty()) {
        return {int(body.size())};
    }
    for (const QString &ctx : {after, after.left(CommentAnchor::kContextLength / 3)}) {
        const QVector<int> starts = occurrences(body, ctx);
        if (!starts.isEmpty()) {
            return starts;
        }
    }
    return {};
}

AnchorMatch fromContext(const CommentAnchor &anchor, const QString &body)
{
    const QVector<int> ends = contextEnds(body, anchor.before);
    const QVector<int> starts = contextStarts(body, anchor.after);
    // The quote may have grown or shrunk, not become a chapter.
    const int maxSpan = qMax(int(anchor.quote.size()) * 3, int(anchor.quote.size()) + 200);
    AnchorMatch best;
    best.kind = AnchorMatch::Kind::Lost;
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    for (const int e : ends) {
        for (const int s : starts) {
            if (s < e || s - e > maxSpan) {
                continue;
            }
            const qint64 d = std::abs(qint64(e) - anchor.offset);
            if (d < bestDistance) {
                bestDistance = d;
                best = {AnchorMatch::Kind::Approximate, e, s - e};
            }
        }
    }
    if (best.kind != AnchorMatch::Kind::Lost) {
        return best;
    }
    // The two sides no longer frame a passage: point at whichever is left, selecting nothing.
    // (An empty context stands for the start or end of the body and says nothing here.)
    QVector<int> sides;
    if (!anchor.before.isEmpty()) {
        sides += ends;
    }
    if (!anchor.after.isEmpty()) {
        sides += starts;
    }
    for (const int p : sides) {
        const qint64 d = std::abs(qint64(p) - anchor.offset);
        if (d < bestDistance) {
            bestDistance = d;
            best = {AnchorMatch::Kind::Approximate, p, 0};
        }
    }
    return best;
}

} // namespace

CommentAnchor CommentAnchor::fromSelection(const QString &body, int start, int length)
{
    CommentAnchor a;
    start = qBound(0, start, int(body.size()));
    length = qBound(0, length, int(body.size()) - start);
    a.quote = body.mid(start, length);
    a.offset = start;
    const int from = qMax(0, start - kContextLength);
    a.before = body.mid(from, start - from);
    a.after = body.mid(start + length, kContextLength);
    return a;
}

AnchorMatch locateAnchor(const CommentAnchor &anchor, const QString &body)
{
    if (anchor.isNull()) {
        return {};
    }
    const QVector<int> found = occurrences(body, anchor.quote);
    if (found.isEmpty()) {
        return fromContext(anchor, body);
    }
    int best = -1;
    int bestScore = -1;
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    for (const int i : found) {
        const int score = commonSuffix(body, i, anchor.before) +
                          commonPrefix(body, i + int(anchor.quote.size()), anchor.after);
        const qint64 distance = std::abs(qint64(i) - anchor.offset);
        if (score > bestScore || (score == bestScore && distance < bestDistance)) {
            best = i;
            bestScore = score;
            bestDistance = distance;
        }
    }
    return {AnchorMatch::Kind::Exact, best, int(anchor.quote.size())};
}

} // namespace fo
