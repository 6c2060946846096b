#pragma once

#include <QStringList>

namespace fo::cli {

// The editorial workflow on the command line. Each takes its own argv ("fieldoffice NAME",
// options...) and returns the exit code: 0 done, 1 refused (with the reason), 2 usage error.
int runPerson(const QStringList &arguments); // person add NAME --roles R[,R] | person list
int runEdit(const QStringList &arguments);   // edit --as NAME ID [--headline T] ...
int runReview(const QStringList &arguments); // review --as NAME ID (--submit | --approve | ...)
// history and diff: historycommands.h

} // namespace fo::cli
