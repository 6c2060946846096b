#pragma once

#include <QStringList>

namespace fo::bench {

/// Words the synthetic stories are made of, most frequent first: English newsroom words,
/// Tagalog and Luganda names and words, then Bengali and Tamil words.
QStringList englishWords();
QStringList bengaliWords();
QStringList tamilWords();
QStringList placeNames();

} // namespace fo::bench
