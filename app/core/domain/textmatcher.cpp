#include "domain/textmatcher.h"

namespace fo {

namespace {

bool isMark(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

/// The code point that starts at `i`, or the one that ends just before `i` (`before`).
char32_t codePointAt(const QString &text, int i)
{
    if (i < 0 || i >= text.size()) {
        return 0;
    }
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    return c.unicode();
}

char32_t codePointBefore(const QString &text, int i)
{
    if (i <= 0 || i > text.size()) {
        return 0;
    }
    const QChar c = text.at(i - 1);
    if (c.isLowSurrogate() && i >= 2 && text.at(i - 2).isHighSurrogate()) {
        return QChar::surrogateToUcs4(text.at(i - 2), c);
    }
    return c.unicode();
}

/// A Latin letter without its accents: "é" → "e", "ệ" → "e". Other scripts keep their marks:
/// a Bengali vowel sign is part of the letter, not an accent on it.
char32_t withoutDiacritics(char32_t c)
{
    for (int depth = 0; depth < 4 && QChar::script(c) == QChar::Script_Latin; ++depth) {
        if (QChar::decompositionTag(c) != QChar::Canonical) {
            break;
        }
        const QString parts = QChar::decomposition(c);
        const char32_t base = parts.isEmpty() ? 0 : codePointAt(parts, 0);
        if (base == 0 || base == c) {
            break;
        }
        c = base;
    }
    return c;
}

} // namespace

TextMatcher::TextMatcher(const QString &needle, int options) : mOptions(options)
{
    mNeedle = fold(needle.normalized(QString::NormalizationForm_C));
}

bool TextMatcher::isWordCodePoint(char32_t c)
{
    if (c == 0x200C || c == 0x200D) {
        return true; // ZWNJ, ZWJ: inside Indic words
    }
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Punctuation_Connector: // "_"
        return true;
    default:
        return false;
    }
}

QString TextMatcher::fold(const QString &text) const
{
    // Position for position, so that a match in the folded text is the same span in the text.
    QString out = text;
    for (int i = 0; i < out.size();) {
        const char32_t c = codePointAt(text, i);
        const int units = QChar::requiresSurrogates(c) ? 2 : 1;
        char32_t f = c;
        if (mOptions & IgnoreDiacritics) {
            f = withoutDiacritics(f);
        }
        if (!(mOptions & MatchCase)) {
            f = QChar::toCaseFolded(f);
        }
        if (f != c && (QChar::requiresSurrogates(f) ? 2 : 1) == units) {
            if (units == 2) {
                out[i] = QChar(QChar::highSurrogate(f));
                out[i + 1] = QChar(QChar::lowSurrogate(f));
            } else {
                out[i] = QChar(char16_t(f));
            }
        }
        i += units;
    }
    return out;
}

bool TextMatcher::acceptable(const QString &text, int start, int length) const
{
    const int end = start + length;
    if (text.at(start).isLowSurrogate() || (end < text.size() && text.at(end).isLowSurrogate())) {
        return false; // half a character
    }
    const char32_t after = codePointAt(text, end);
    if (after != 0 && isMark(after) && !(mOptions & Prefix)) {
        return false; // the letter goes on with its vowel sign, virama or accent
    }
    if (!(mOptions & WholeWords)) {
        return true;
    }
    if (isWordCodePoint(codePointBefore(text, start))) {
        return false;
    }
    return (mOptions & Prefix) || !isWordCodePoint(after);
}

QVector<TextSpan> TextMatcher::findAll(const QString &text) const
{
    QVector<TextSpan> spans;
    if (mNeedle.isEmpty() || text.isEmpty()) {
        return spans;
    }
    const QString haystack = fold(text);
    const int length = int(mNeedle.size());
    int from = 0;
    while (from <= haystack.size() - length) {
        const int at = int(haystack.indexOf(mNeedle, from, Qt::CaseSensitive));
        if (at < 0) {
            break;
        }
        if (acceptable(text, at, length)) {
            spans.append({at, length});
            from = at + length;
        } else {
            from = at + 1;
        }
    }
    return spans;
}

TextSpan TextMatcher::findNext(const QString &text, int from) const
{
    const QVector<TextSpan> spans = findAll(text);
    for (const TextSpan &span : spans) {
        if (span.start >= from) {
            return span;
        }
    }
    return {};
}

TextSpan TextMatcher::findPrevious(const QString &text, int before) const
{
    const QVector<TextSpan> spans = findAll(text);
    for (auto it = spans.crbegin(); it != spans.crend(); ++it) {
        if (it->end() <= before) {
            return *it;
        }
    }
    return {};
}

} // namespace fo
