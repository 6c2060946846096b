#pragma once

#include "base/refusal.h"

#include <QString>

namespace fo {

class Database;

/// Stops, or allows again, every write through `db`'s connection (PRAGMA query_only): once a
/// library is found damaged the window must not write into it, whatever panel tries. A write
/// then fails with SQLite's "attempt to write a readonly database", so unsaved text stays
/// where it is, unsaved, instead of being reported as saved.
Status setWritesStopped(Database &db, bool stopped);

} // namespace fo
