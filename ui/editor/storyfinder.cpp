#include "editor/storyfinder.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace fo {

namespace {

QVector<TextSpan> matchesIn(const QTextDocument *document, const TextMatcher &matcher)
{
    QVector<TextSpan> spans;
    if (matcher.isEmpty()) {
        return spans;
    }
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QVector<TextSpan> inBlock = matcher.findAll(block.text());
        for (const TextSpan &span : inBlock) {
            spans.append({block.position() + span.start, span.length});
        }
    }
    return spans;
}

} // namespace

void StoryFinder::setPattern(const QString &text, int options)
{
    mText = text;
    mOptions = options;
}

QVector<TextSpan> StoryFinder::matches() const
{
    return matchesIn(mDocument, TextMatcher(mText, mOptions));
}

TextSpan StoryFinder::find(int position, bool backward, bool *wrapped) const
{
    const QVector<TextSpan> all = matches();
    if (wrapped) {
        *wrapped = false;
    }
    if (all.isEmpty()) {
        return {};
    }
    if (!backward) {
        for (const TextSpan &span : all) {
            if (span.start >= position) {
                return span;
            }
        }
    } else {
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (it->end() <= position) {
                return *it;
            }
        }
    }
    if (wrapped) {
        *wrapped = true;
    }
    return backward ? all.constLast() : all.constFirst();
}

bool StoryFinder::isMatch(int start, int end) const
{
    const QVector<TextSpan> all = matches();
    return std::any_of(all.cbegin(), all.cend(), [start, end](const TextSpan &span) {
        return span.start == start && span.end() == end;
    });
}

void StoryFinder::replaceSpan(const TextSpan &span, const QString &replacement)
{
    QTextCursor cursor(mDocument);
    // The format of the first replaced character (a cursor's format is the one before it).
    cursor.setPosition(span.start + 1);
    const QTextCharFormat format = cursor.charFormat();
    cursor.setPosition(span.start);
    cursor.setPosition(span.end(), QTextCursor::KeepAnchor);
    if (replacement.isEmpty()) {
        cursor.removeSelectedText();
    } else {
        cursor.insertText(replacement, format);
    }
}

bool StoryFinder::replace(int start, int end, const QString &replacement)
{
    if (!isMatch(start, end)) {
        return false;
    }
    QTextCursor block(mDocument);
    block.beginEditBlock();
    replaceSpan({start, end - start}, replacement);
    block.endEditBlock();
    return true;
}

int StoryFinder::replaceAll(const QString &replacement)
{
    const QVector<TextSpan> all = matches();
    if (all.isEmpty()) {
        return 0;
    }
    // One edit block: one step of the document's history, so one undo of the story.
    QTextCursor block(mDocument);
    block.beginEditBlock();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        replaceSpan(*it, replacement); // from the end: earlier positions stay valid
    }
    block.endEditBlock();
    return int(all.size());
}

QVector<TextSpan> StoryFinder::termMatches(const QTextDocument *document,
                                           const QVector<SearchTerm> &terms)
{
    QVector<TextSpan> spans;
    for (const SearchTerm &term : terms) {
        const int options = TextMatcher::WholeWords | TextMatcher::IgnoreDiacritics |
                            (term.prefix ? TextMatcher::Prefix : 0);
        spans += matchesIn(document, TextMatcher(term.text, options));
    }
    std::sort(spans.begin(), spans.end(),
              [](const TextSpan &a, const TextSpan &b) { return a.start < b.start; });
    return spans;
}

} // namespace fo
