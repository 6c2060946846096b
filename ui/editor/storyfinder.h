#pragma once

#include "domain/textmatcher.h"
#include "search/searchterms.h"

#include <QString>
#include <QVector>

class QTextDocument;

namespace fo {

/// Find and replace in a story's text, without a widget: what the find bar asks for, on the
/// draft's document (storydraft.h), so that tests drive it without a window.
///
/// Matching is TextMatcher's (whole words and case in every script). A match never spans two
/// paragraphs. Replace All is ONE edit of the document, so it is one step of the story's undo
/// history (the draft mirrors each step of the document's own history as one command).
class StoryFinder
{
public:
    explicit StoryFinder(QTextDocument *document) : mDocument(document) {}

    /// What to find; `options` are TextMatcher options (MatchCase, WholeWords).
    void setPattern(const QString &text, int options);
    QString pattern() const { return mText; }
    int options() const { return mOptions; }

    /// Every match in the document, in order, as document positions.
    QVector<TextSpan> matches() const;
    /// The first match that starts at `position` or after, going round to the first one; with
    /// `backward`, the last that ends at `position` or before, going round to the last one.
    /// Length 0 when there is none. `wrapped` says when it went round.
    TextSpan find(int position, bool backward, bool *wrapped = nullptr) const;
    /// Whether the text from `start` to `end` is a match (the selection Replace replaces).
    bool isMatch(int start, int end) const;

    /// Replaces the match from `start` to `end` with `replacement`, keeping the formatting of
    /// the text it replaces; one undo step. False when that text is no match (any more).
    bool replace(int start, int end, const QString &replacement);
    /// Replaces every match, as one undo step. Returns how many.
    int replaceAll(const QString &replacement);

    /// Where the words of a library search (searchterms.h) are in `document`: whole words, any
    /// case and accents, as the search index matched them.
    static QVector<TextSpan> termMatches(const QTextDocument *document,
                                         const QVector<SearchTerm> &terms);

private:
    void replaceSpan(const TextSpan &span, const QString &replacement);

    QTextDocument *mDocument;
    QString mText;
    int mOptions = 0;
};

} // namespace fo
