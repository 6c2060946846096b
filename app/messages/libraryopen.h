#pragma once

#include "library/database.h"

#include <QString>

#include <memory>

namespace fo {

/// Database::open() for a front end that shows why not in words: the library, or null with
/// `error` set to refusalText() of the refusal (when `error` is given).
std::unique_ptr<Database> openLibrary(const QString &path, Database::OpenMode mode, QString *error);

} // namespace fo
