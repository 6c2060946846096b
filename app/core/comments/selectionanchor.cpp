#include "comments/selectionanchor.h"

namespace fo {

namespace {

/// How far past the last pair a rendered character is looked for in the source. Markup
/// between two shown characters is short (a `**`, a `\n\n## `); a character not found this
/// close has no source character (an entity, an edit not saved yet) and stays unpaired
/// rather than pairing with a far copy and pulling everything after it out of place.
constexpr int kLookahead = 64;

bool isBlank(QChar c)
{
    return c.isSpace() || c == QChar(QChar::ParagraphSeparator) ||
           c == QChar(QChar::LineSeparator) || c == QChar(QChar::Nbsp);
}

bool shows(QChar sourceChar, QChar renderedChar)
{
    return sourceChar == renderedChar || (isBlank(renderedChar) && isBlank(sourceChar));
}

bool isEmphasisMark(QChar c)
{
    return c == u'*' || c == u'_' || c == u'~' || c == u'`';
}

/// The end of a link's `](destination "title")` starting at `at` (the `]`), or `at` when no
/// destination follows.
int skipLinkTail(const QString &source, int at)
{
    if (at + 1 >= source.size() || source.at(at + 1) != u'(') {
        return at;
    }
    int depth = 0;
    for (int p = at + 1; p < source.size(); ++p) {
        if (source.at(p) == u'\\') {
            ++p;
        } else if (source.at(p) == u'(') {
            ++depth;
        } else if (source.at(p) == u')' && --depth == 0) {
            return p + 1;
        }
    }
    return at;
}

/// Where rendered character `c` is shown from, at or after `from`; -1 when not close by.
int findShown(const QString &source, int from, QChar c)
{
    int budget = kLookahead;
    for (int p = from; p < source.size() && budget > 0; --budget) {
        const QChar s = source.at(p);
        if (shows(s, c)) {
            if (isEmphasisMark(c)) {
                // `**Sarika**\*`: the run of marks is markup when an escaped copy follows it.
                int q = p;
                while (q < source.size() && isEmphasisMark(source.at(q))) {
                    ++q;
                }
                if (q + 1 < source.size() && source.at(q) == u'\\' && source.at(q + 1) == c) {
                    return q + 1;
                }
            }
            return p;
        }
        if (s == u']') {
            const int end = skipLinkTail(source, p);
            if (end > p) {
                p = end; // a link's destination is never shown, however long
                continue;
            }
        }
        ++p;
    }
    return -1;
}

} // namespace

SourceAlignment::SourceAlignment(const QString &rendered, const QString &source)
    : mRendered(rendered)
{
    mMap.resize(rendered.size());
    int next = 0;
    for (int i = 0; i < rendered.size(); ++i) {
        const int at = findShown(source, next, rendered.at(i));
        mMap[i] = at;
        if (at >= 0) {
            next = at + 1;
        }
    }
}

TextRange SourceAlignment::toSource(int start, int end) const
{
    start = qBound(0, start, int(mMap.size()));
    end = qBound(start, end, int(mMap.size()));
    while (start < end && isBlank(mRendered.at(start))) {
        ++start;
    }
    while (end > start && isBlank(mRendered.at(end - 1))) {
        --end;
    }
    int first = -1;
    int last = -1;
    for (int i = start; i < end; ++i) {
        if (mMap.at(i) >= 0) {
            first = first < 0 ? mMap.at(i) : first;
            last = mMap.at(i);
        }
    }
    if (first < 0) {
        return {};
    }
    return {first, last - first + 1};
}

TextRange SourceAlignment::toRendered(TextRange range) const
{
    if (!range.isValid()) {
        return {};
    }
    const int end = range.start + range.length;
    int first = -1;
    int last = -1;
    for (int i = 0; i < mMap.size(); ++i) {
        const int at = mMap.at(i);
        if (at >= range.start && at < end) {
            first = first < 0 ? i : first;
            last = i;
        }
        if (at >= end) {
            break;
        }
    }
    if (first < 0) {
        // An empty range (an approximate anchor whose words are gone): the place itself.
        for (int i = 0; i < mMap.size(); ++i) {
            if (mMap.at(i) >= range.start) {
                return {i, 0};
            }
        }
        return {};
    }
    return {first, last - first + 1};
}

CommentAnchor anchorForRenderedSelection(const QString &rendered, int start, int end,
                                         const QString &source)
{
    const TextRange range = SourceAlignment(rendered, source).toSource(start, end);
    if (!range.isValid()) {
        return {};
    }
    return CommentAnchor::fromSelection(source, range.start, range.length);
}

QString readableQuote(const QString &markdownQuote)
{
    QString out;
    out.reserve(markdownQuote.size());
    for (int i = 0; i < markdownQuote.size(); ++i) {
        const QChar c = markdownQuote.at(i);
        if (c == u'\\' && i + 1 < markdownQuote.size() && markdownQuote.at(i + 1).isPunct()) {
            out += markdownQuote.at(++i);
        } else if (c == u'\\' && i + 1 < markdownQuote.size() &&
                   markdownQuote.at(i + 1).isSymbol()) {
            out += markdownQuote.at(++i);
        } else if (c != u'*' && c != u'_') {
            out += c;
        }
    }
    return out.simplified();
}

} // namespace fo
