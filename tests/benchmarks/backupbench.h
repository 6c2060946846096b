#pragma once

#include "runner.h"

namespace fo::bench {

/// The "backup" group: a verified backup of the library (VACUUM INTO, integrity check, story
/// count, rename), against SQLite's backup API copying the pages alone; and the quick health
/// check the window runs after start-up.
void measureBackup(const QString &library, QVector<Measure> &out);

} // namespace fo::bench
