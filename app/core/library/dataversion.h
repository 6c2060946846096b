#pragma once

#include <QtGlobal>

namespace fo {

class Database;

/// SQLite's PRAGMA data_version of this connection: it changes when another connection (another
/// program, the command line) committed a change to the library since the last call, and not
/// for this connection's own writes. Cheap (no file is read), so a window can ask every second.
/// -1 when it cannot be read.
qint64 libraryDataVersion(const Database &db);

} // namespace fo
