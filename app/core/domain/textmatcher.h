#pragma once

#include <QString>
#include <QVector>

namespace fo {

/// A found piece of text: `length` UTF-16 units from `start`.
struct TextSpan
{
    int start = 0;
    int length = 0;

    int end() const { return start + length; }
    bool operator==(const TextSpan &other) const
    {
        return start == other.start && length == other.length;
    }
};

/// Finds a word or phrase in text, as Find and Replace and the highlighting of search hits do.
///
/// A match never splits a character: not a surrogate pair, and not a letter from the vowel sign,
/// virama or accent that follows it (Bengali "কি" holds no match for "ক"; a Tamil word ends
/// after its last vowel sign, not before it). A WHOLE-WORD match also has no letter, digit,
/// combining mark or joiner (ZWJ, ZWNJ) on either side, in every script, so "rise" is no
/// whole word in "risen" and "কলকাতা" is none in "কলকাতায়".
///
/// Without MatchCase, letters compare by Unicode case folding; with IgnoreDiacritics, a Latin
/// letter with an accent compares as the letter without it ("resume" finds "résumé"), as the
/// library's search index does. Both keep positions: what is found is the text's own span.
class TextMatcher
{
public:
    enum Option
    {
        NoOptions = 0,
        MatchCase = 1 << 0,
        WholeWords = 1 << 1,
        IgnoreDiacritics = 1 << 2,
        /// With WholeWords: the match may end inside a word (a search's `word*`).
        Prefix = 1 << 3,
    };

    TextMatcher(const QString &needle, int options);

    bool isEmpty() const { return mNeedle.isEmpty(); }
    /// Every match in `text`, in order, none overlapping.
    QVector<TextSpan> findAll(const QString &text) const;
    /// The first match that starts at `from` or later; length 0 when none.
    TextSpan findNext(const QString &text, int from) const;
    /// The last match that ends at `before` or earlier; length 0 when none.
    TextSpan findPrevious(const QString &text, int before) const;

    /// Letters, digits, combining marks and the joiners: what a word is made of.
    static bool isWordCodePoint(char32_t c);

private:
    bool acceptable(const QString &text, int start, int length) const;
    QString fold(const QString &text) const;

    QString mNeedle; // folded
    int mOptions = NoOptions;
};

} // namespace fo
