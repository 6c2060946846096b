#pragma once

#include <QString>
#include <QStringView>
#include <QVector>

namespace fo {

/// One word of a text that spelling checks: where it is and what is looked up.
struct SpellWord
{
    int start = 0;  // in the text, UTF-16 units
    int length = 0; // in the text
    QString word;   // as looked up: typographic apostrophes made plain (’ → ')
};

/// The words of `text` that spelling checks, in order. A word is a run of letters and combining
/// marks (so a Bengali word with its vowel signs and virama stays whole, the same rule as the
/// search index's tokenizer), joiners (ZWJ, ZWNJ) and apostrophes between letters ("don't",
/// "l'homme"). Left out, because no dictionary can judge them: web and e-mail addresses and
/// domain names, words with digits ("3rd", "COVID-19", "১২"), and words in capitals
/// ("UGANDA", "UNHCR": datelines and acronyms). Asterisks, hyphens and Markdown punctuation
/// separate words, so a pseudonym `Sarika*` is the word "Sarika" and `**bold**` is "bold".
QVector<SpellWord> spellWords(QStringView text);

} // namespace fo
