#pragma once

#include "common/uisettings.h"

namespace fo {

class ExportDialog;

/// The last packet built from a library (issue 12 item 16): kept in the UI settings per
/// library file (story ids are per library), so that "Export Press Packet…" starts where the
/// last one was left: its stories, its title, its folder.
namespace lastpacket {

/// What `dialog` holds now, with `writtenPath` the file or folder it wrote.
UiSettings::LastPacket of(const ExportDialog &dialog, const QString &writtenPath);
/// Puts the remembered title and folder into `dialog` (its stories are given when it is made).
void restoreInto(ExportDialog &dialog, const UiSettings::LastPacket &packet);

} // namespace lastpacket
} // namespace fo
