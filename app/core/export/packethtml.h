#pragma once

#include "export/packet.h"

namespace fo {

/// The file name of a story's page in an HTML packet folder: "story-12.html".
QString packetStoryFileName(const Story &story);

/// The whole packet as one self-contained HTML file: cover, contents, every story.
QString renderPacketSingleHtml(const Packet &packet);

class FolderTransaction;

/// Writes index.html, one page per story and house.css into the folder being made.
Status writePacketHtmlFolder(const Packet &packet, FolderTransaction &folder,
                             const PacketOptions &options);

} // namespace fo
