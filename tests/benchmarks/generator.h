#pragma once

#include <QString>
#include <QStringList>

namespace fo::bench {

struct GenerateOptions
{
    QString library;
    int stories = 100000;
    quint32 seed = 1;
};

/// Writes a new synthetic library. Returns false and sets `error` when refused.
bool generateLibrary(const GenerateOptions &options, QString *error);

/// The synthetic vocabulary, most frequent first (the same for every seed), so that the
/// benchmark can name a word of known rarity.
const QStringList &vocabulary();

} // namespace fo::bench
