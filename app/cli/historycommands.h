#pragma once

#include <QStringList>

namespace fo::cli {

// A story's history on the command line (exit codes as for every command).
int runHistory(const QStringList &arguments); // history ID [--json]
int runDiff(const QStringList &arguments);    // diff ID REV_A REV_B

} // namespace fo::cli
