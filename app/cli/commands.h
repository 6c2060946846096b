#pragma once

#include <QStringList>

namespace fo::cli {

// Each takes its own argv ("fieldoffice NAME", options...) and returns the exit code.
int runDemo(const QStringList &arguments);
int runImport(const QStringList &arguments);
int runList(const QStringList &arguments);
int runShow(const QStringList &arguments);

} // namespace fo::cli
