#pragma once

#include <QString>

namespace fo {

/// Words in `text` as a reader counts them: Unicode word boundaries (UAX #29, through
/// QTextBoundaryFinder), counting only segments that hold a letter or a digit. Vowel signs and
/// viramas of Bengali and Tamil stay inside their word, so "কলকাতায় মেলা" is two words, where
/// splitting at non-letters would make it six.
int countWords(const QString &text);

/// Minutes a reader needs, at the 200 words a minute that news writing is usually timed at;
/// at least 1 for any text, 0 for none.
int readingMinutes(int words);

} // namespace fo
