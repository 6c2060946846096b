#pragma once

#include "base/refusal.h"

#include <QString>

namespace fo {

/// A refusal in words, as one sentence without a final full stop, translated
/// (QCoreApplication::translate, context "Refusal") for the window and the command line alike.
QString refusalText(const Refusal &refusal);
/// Why SQLite refused, without "cannot save: " ("the disk is full"): for a storage refusal
/// (LibraryBusy … StorageFailed) inside a sentence of the caller's own.
QString storageReasonText(const Refusal &refusal);

} // namespace fo
