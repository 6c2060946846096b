#pragma once

#include <QStringList>

namespace fo::cli {

/// fieldoffice backup --library F [-o FILE [--force] | --folder DIR]
int runBackup(const QStringList &arguments);
/// fieldoffice restore --library F [--force] FROM
int runRestore(const QStringList &arguments);

} // namespace fo::cli
