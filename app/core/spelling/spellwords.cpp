#include "spelling/spellwords.h"

namespace fo {

namespace {

bool isJoiner(QChar c)
{
    return c.unicode() == 0x200C || c.unicode() == 0x200D;
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c.unicode() == 0x2019;
}

/// Letters, combining marks, joiners and digits make a run; a run with a digit is skipped.
bool isRunChar(QChar c)
{
    return c.isLetter() || c.isMark() || c.isNumber() || isJoiner(c);
}

bool startsWithAddress(QStringView text, qsizetype i)
{
    static const char *const prefixes[] = {"http://", "https://", "ftp://", "mailto:", "www."};
    const QStringView rest = text.mid(i);
    for (const char *prefix : prefixes) {
        if (rest.startsWith(QLatin1String(prefix), Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

/// A stretch without spaces that holds an '@' or a dot between two letters ("name@example.org",
/// "example.org", "e.g."): an address or an abbreviation, never checked.
bool looksLikeAddress(QStringView chunk)
{
    for (qsizetype i = 1; i + 1 < chunk.size(); ++i) {
        const QChar c = chunk.at(i);
        if ((c == u'@' || c == u'.') && chunk.at(i - 1).isLetterOrNumber() &&
            chunk.at(i + 1).isLetterOrNumber()) {
            return true;
        }
    }
    return false;
}

bool isStopOfAddress(QChar c)
{
    return c.isSpace() || c == u')' || c == u'>' || c == u']' || c == u'"' || c == u'<';
}

/// True when `word` should be looked up: no digits, not all capitals.
bool checkable(QStringView word)
{
    int upper = 0;
    for (const QChar c : word) {
        if (c.isNumber()) {
            return false;
        }
        if (c.isLower()) {
            return true;
        }
        upper += c.isUpper() ? 1 : 0;
    }
    return upper < 2;
}

void addWord(QVector<SpellWord> &out, QStringView text, qsizetype start, qsizetype end)
{
    const QStringView word = text.mid(start, end - start);
    if (word.isEmpty() || !checkable(word)) {
        return;
    }
    SpellWord w;
    w.start = int(start);
    w.length = int(word.size());
    w.word = word.toString();
    w.word.replace(QChar(0x2019), u'\'');
    out.append(w);
}

} // namespace

QVector<SpellWord> spellWords(QStringView text)
{
    QVector<SpellWord> out;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        // A chunk: up to the next space.
        qsizetype chunkEnd = i;
        while (chunkEnd < n && !text.at(chunkEnd).isSpace()) {
            ++chunkEnd;
        }
        const QStringView chunk = text.mid(i, chunkEnd - i);
        if (looksLikeAddress(chunk)) {
            i = chunkEnd;
            continue;
        }
        while (i < chunkEnd) {
            if (startsWithAddress(text, i) && (i == 0 || !isRunChar(text.at(i - 1)))) {
                while (i < chunkEnd && !isStopOfAddress(text.at(i))) {
                    ++i;
                }
                continue;
            }
            if (!isRunChar(text.at(i)) || text.at(i).isMark()) {
                ++i; // a mark with no letter before it starts no word
                continue;
            }
            const qsizetype start = i;
            while (i < chunkEnd) {
                if (isRunChar(text.at(i))) {
                    ++i;
                } else if (isApostrophe(text.at(i)) && i + 1 < chunkEnd &&
                           text.at(i + 1).isLetter()) {
                    ++i; // inside a word: "don't"
                } else {
                    break;
                }
            }
            addWord(out, text, start, i);
        }
    }
    return out;
}

} // namespace fo
