#pragma once

#include <QString>
#include <QVector>

namespace fo {

/// A word or a quoted phrase of what a user typed into the search box.
struct SearchTerm
{
    QString text;
    /// `word*`, or the last word still being typed: matches words that start with it.
    bool prefix = false;

    bool operator==(const SearchTerm &other) const
    {
        return text == other.text && prefix == other.prefix;
    }
};

/// The words and phrases of a search (the same reading as SearchQuery: quotes make a phrase,
/// `*` a prefix, OR joins two words), for showing where a story matched: the editor highlights
/// them in the text of a story opened from a search. Pieces without a letter or digit are left
/// out, as the search leaves them out.
QVector<SearchTerm> searchTerms(const QString &userText, bool prefixLastWord = false);

} // namespace fo
