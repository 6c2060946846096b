#pragma once

#include <QStringList>

namespace fo::cli {

/// check-library: SQLite's integrity check of the whole library, without changing it. Prints
/// "ok" and exits 0 when it is sound; otherwise prints each problem on a line of its own on
/// standard output, one summary line on standard error, and exits 1.
int runCheckLibrary(const QStringList &arguments);

} // namespace fo::cli
