#pragma once

#include "base/refusal.h"

#include <QString>
#include <QStringList>

namespace fo {

/// How thoroughly checkLibraryHealth() reads the file.
enum class HealthCheck
{
    Quick, // PRAGMA quick_check: every page and record, not the indexes against the tables
    Full,  // PRAGMA integrity_check: also every index against its table
};

/// What a health check found.
struct HealthReport
{
    /// False when the check itself could not run (the file is gone, locked for too long).
    bool ran = false;
    /// SQLite's own lines ("row 5 missing from index stories_list"); empty when healthy.
    QStringList problems;
    /// Why the check could not run, when it did not: a storage refusal (LibraryBusy …) or
    /// ReadOnlyWalPending.
    Refusal refusal;

    bool isHealthy() const { return ran && problems.isEmpty(); }
};

/// Checks the library at `path` on a connection of its own, opened read-only through SQLite
/// (never a plain file handle: see GUIDE › Storage), so it may run on any thread while the
/// window keeps its own connection. Reads at most `maxProblems` problem lines.
HealthReport checkLibraryHealth(const QString &path, HealthCheck depth, int maxProblems = 20);

} // namespace fo
