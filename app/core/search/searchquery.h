#pragma once

#include <QString>

namespace fo {

/// Turns what a user types into the search box into a safe FTS5 MATCH expression.
///
/// Words are matched whole; `word*` matches a prefix; "two words" in quotes is a phrase;
/// OR between words matches either. Everything else that FTS5 would read as syntax (colons,
/// minus signs, parentheses, stray quotes) is treated as text, so no input is a syntax error.
/// Text is normalised to NFC, as stored text is.
class SearchQuery
{
public:
    /// With `prefixLastWord`, a last word of two or more characters that is still being typed
    /// (no space after it) is matched as a prefix.
    explicit SearchQuery(const QString &userText, bool prefixLastWord = false);

    bool isEmpty() const { return mFts.isEmpty(); }
    QString ftsExpression() const { return mFts; }

private:
    QString mFts;
};

} // namespace fo
