#pragma once

#include <QStringList>

namespace fo::cli {

/// fieldoffice packet --as NAME (--story ID... | --tag T... [--status S]) --title T
/// --format pdf|html [--single-file] [--page-size A4|Letter] [--allow-unapproved] -o PATH
int runPacket(const QStringList &arguments);

} // namespace fo::cli
