#include "search/searchquery.h"

#include <QStringList>

namespace fo {

namespace {

bool isWordChar(QChar c)
{
    // The same classes the index tokenizer keeps: letters, numbers, marks, private use.
    switch (c.category()) {
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
    case QChar::Other_PrivateUse:
    case QChar::Other_Surrogate:
        return true;
    default:
        return false;
    }
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool hasWordChar(const QString &text)
{
    for (const QChar c : text) {
        if (isWordChar(c)) {
            return true;
        }
    }
    return false;
}

} // namespace

SearchQuery::SearchQuery(const QString &userText, bool prefixLastWord)
{
    const QString text = userText.normalized(QString::NormalizationForm_C);
    QStringList terms;
    bool pendingOr = false;
    int i = 0;
    const int n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        QString term;
        if (c == QLatin1Char('"')) {
            const int end = text.indexOf(QLatin1Char('"'), i + 1);
            const QString phrase = text.mid(i + 1, end < 0 ? -1 : end - i - 1);
            i = end < 0 ? n : end + 1;
            if (hasWordChar(phrase)) {
                term = quoted(phrase);
            }
        } else {
            int j = i;
            while (j < n && !text.at(j).isSpace() && text.at(j) != QLatin1Char('"')) {
                ++j;
            }
            QString word = text.mid(i, j - i);
            i = j;
            if (word == QLatin1String("OR") && !terms.isEmpty()) {
                pendingOr = true;
                continue;
            }
            const bool prefix = word.endsWith(QLatin1Char('*'));
            while (word.endsWith(QLatin1Char('*'))) {
                word.chop(1);
            }
            if (hasWordChar(word)) {
                term = quoted(word) + (prefix ? QStringLiteral("*") : QString());
            }
        }
        if (term.isEmpty()) {
            continue;
        }
        if (pendingOr && !terms.isEmpty()) {
            terms.last() = terms.last() + QStringLiteral(" OR ") + term;
        } else {
            terms.append(term);
        }
        pendingOr = false;
    }
    // The word being typed: a plain last word, no space, quote or star after it. One letter
    // stays a whole word: a one-letter prefix would match half the index.
    if (prefixLastWord && !terms.isEmpty() && !text.isEmpty() && !text.back().isSpace() &&
        text.back() != QLatin1Char('"') && text.back() != QLatin1Char('*')) {
        QString &last = terms.last();
        const int open = last.lastIndexOf(QLatin1Char('"'), last.size() - 2);
        const QString word = last.mid(open + 1, last.size() - open - 2);
        if (last.endsWith(QLatin1Char('"')) && word.size() >= 2 &&
            !word.contains(QLatin1Char(' ')) &&
            (open == 0 || last.at(open - 1) == QLatin1Char(' '))) {
            last += QLatin1Char('*');
        }
    }
    for (QString &t : terms) {
        if (t.contains(QStringLiteral(" OR "))) {
            t = QLatin1Char('(') + t + QLatin1Char(')');
        }
    }
    // FTS5 reads "a (b OR c)" as a syntax error: the AND must be spelled out.
    mFts = terms.join(QStringLiteral(" AND "));
}

} // namespace fo
