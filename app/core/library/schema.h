#pragma once

#include <QStringList>
#include <QVector>

namespace fo {

/// The library's schema as ordered migrations: entry i takes the library from version i to i+1.
/// Each runs inside one transaction together with the new PRAGMA user_version.
const QVector<QStringList> &schemaMigrations();

} // namespace fo
