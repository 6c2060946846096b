#include "search/searchterms.h"

#include "domain/textmatcher.h"

namespace fo {

namespace {

bool hasWordChar(const QString &text)
{
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSurrogate() || TextMatcher::isWordCodePoint(c.unicode())) {
            return true;
        }
    }
    return false;
}

} // namespace

QVector<SearchTerm> searchTerms(const QString &userText, bool prefixLastWord)
{
    const QString text = userText.normalized(QString::NormalizationForm_C);
    QVector<SearchTerm> terms;
    const int n = int(text.size());
    int i = 0;
    bool lastIsPlainWord = false;
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        SearchTerm term;
        bool plain = false;
        if (text.at(i) == QLatin1Char('"')) {
            const int end = int(text.indexOf(QLatin1Char('"'), i + 1));
            term.text = text.mid(i + 1, end < 0 ? -1 : end - i - 1).simplified();
            i = end < 0 ? n : end + 1;
        } else {
            int j = i;
            while (j < n && !text.at(j).isSpace() && text.at(j) != QLatin1Char('"')) {
                ++j;
            }
            term.text = text.mid(i, j - i);
            i = j;
            if (term.text == QLatin1String("OR")) {
                continue;
            }
            term.prefix = term.text.endsWith(QLatin1Char('*'));
            while (term.text.endsWith(QLatin1Char('*'))) {
                term.text.chop(1);
            }
            plain = !term.prefix;
        }
        if (hasWordChar(term.text)) {
            terms.append(term);
            lastIsPlainWord = plain;
        }
    }
    // As SearchQuery: the word being typed (no space after it, two letters or more) is a prefix.
    if (prefixLastWord && lastIsPlainWord && !text.isEmpty() && !text.back().isSpace() &&
        terms.constLast().text.size() >= 2) {
        terms.last().prefix = true;
    }
    return terms;
}

} // namespace fo
