#include "domain/wordcount.h"

#include <QTextBoundaryFinder>

namespace fo {

namespace {

constexpr int kWordsPerMinute = 200;

bool holdsLetterOrDigit(QStringView segment)
{
    for (const QChar c : segment) {
        if (c.isLetterOrNumber()) {
            return true;
        }
    }
    return false;
}

} // namespace

int countWords(const QString &text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    int words = 0;
    qsizetype start = 0;
    while (finder.toNextBoundary() >= 0) {
        const qsizetype end = finder.position();
        if (holdsLetterOrDigit(QStringView(text).mid(start, end - start))) {
            ++words;
        }
        start = end;
    }
    return words;
}

int readingMinutes(int words)
{
    if (words <= 0) {
        return 0;
    }
    return (words + kWordsPerMinute - 1) / kWordsPerMinute;
}

} // namespace fo
