#pragma once

#include "base/refusal.h"

#include <QString>

namespace fo {

/// A refusal in words, as one sentence without a final full stop, translated
/// (QCoreApplication::translate, context "Refusal") for the window and the command line alike.
QString refusalText(const Refusal &refusal);
/// Why SQLite refused, without "cannot save: " ("the disk is full"): for a storage refusal
/// (LibraryBusy … StorageFailed) inside a sentence of the caller's own; any other refusal as
/// refusalText() says it.
QString storageReasonText(const Refusal &refusal);
/// Why a query failed (QueryFailed and the kinds that carry one: SQLite's code in `number`,
/// its text in `detail`): "the disk is full (disk I/O error)", or SQLite's text alone.
QString queryReasonText(const Refusal &refusal);
/// Why a file could not be written, from the errno in `number` ("the disk is full",
/// "permission denied"; strerror's words in `detail` otherwise).
QString writeReasonText(const Refusal &refusal);
/// Why a story may not go out (ApprovalState::why, PacketRefusal::why) with its headline:
/// "story 12 “Headline” is in review, not approved"; refusalText() for any other refusal.
QString approvalRefusalText(const Refusal &refusal, const QString &headline);

} // namespace fo
