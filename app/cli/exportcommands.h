#pragma once

#include <QStringList>

namespace fo::cli {

/// fieldoffice export --library F ID --format html|pdf [--page-size A4|Letter] [--draft] -o OUT
int runExport(const QStringList &arguments);

} // namespace fo::cli
