#pragma once

#include "base/atomicwrite.h"
#include "export/packet.h"

namespace fo {

/// A press packet's files as one set: the PDF or HTML file (or the HTML folder) and its
/// manifests are written in full under part names beside their destinations first (stage()),
/// and go into place together (publish()) or not at all.
///
/// The command line records the export between the two, in a library transaction that commits
/// only after the files are in place; if it cannot commit, undo() puts the earlier files back
/// (PacketBuilder::recordExport). writePacket() is stage() and publish() in one.
class PacketFiles
{
public:
    PacketFiles() = default;

    /// Writes every file under its part name. On failure or cancel, no part is left and the
    /// destination is untouched. Part files of earlier, killed runs are removed first.
    Status stage(const Packet &packet, const QString &path, const PacketOptions &options);
    /// Renames every staged file into place; on failure, everything is as it was.
    Status publish() { return mSet.publish(); }
    /// After publish(): the earlier files back, the new ones gone.
    void undo() { mSet.undo(); }
    /// After publish(): keeps the new files for good.
    void finish() { mSet.finish(); }
    /// Instead of publish(): removes the staged files.
    void discard() { mSet.discard(); }

private:
    Status stageAll(const Packet &packet, const QString &path, const PacketOptions &options);
    Status stageFile(const QString &destination, const QByteArray &data);
    Status stageFolder(const Packet &packet, const QString &path, const PacketOptions &options);

    FileSet mSet;
};

} // namespace fo
