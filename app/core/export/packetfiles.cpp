#include "export/packetfiles.h"

#include "export/packethtml.h"

#include <QDir>
#include <QFileInfo>

namespace fo {

Status PacketFiles::stageFile(const QString &destination, const QByteArray &data)
{
    StagedFile file(destination);
    Status done = file.open();
    if (done) {
        done = file.write(data);
    }
    if (done) {
        done = file.close();
    }
    if (!done) {
        return done;
    }
    file.release();
    mSet.add(file.partPath(), destination, false);
    return Status();
}

Status PacketFiles::stageFolder(const Packet &packet, const QString &path,
                                const PacketOptions &options)
{
    FolderTransaction folder(path);
    Status done = folder.begin();
    if (done) {
        done = writePacketHtmlFolder(packet, folder, options);
    }
    const QByteArray manifest =
        packetManifest(packet, PacketFormat::HtmlFolder, QStringLiteral("index.html"));
    if (done) {
        done = folder.writeFile(QStringLiteral("manifest.json"), manifest);
    }
    if (done) {
        done = folder.sync();
    }
    if (!done) {
        return done;
    }
    folder.release();
    mSet.add(folder.path(), folder.destination(), true);
    return Status();
}

Status PacketFiles::stage(const Packet &packet, const QString &path, const PacketOptions &options)
{
    mSet.discard(); // a second stage() starts afresh
    const Status staged = stageAll(packet, path, options);
    if (!staged) {
        mSet.discard(); // what was staged before the failure goes too
    }
    return staged;
}

Status PacketFiles::stageAll(const Packet &packet, const QString &path,
                             const PacketOptions &options)
{
    if (packet.stories.isEmpty()) {
        return Refusal(RefusalKind::PacketEmpty);
    }
    if (options.format == PacketFormat::HtmlFolder) {
        return stageFolder(packet, path, options);
    }
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        Refusal r = fileRefusal(RefusalKind::FileFolderMissing, path);
        r.object = QDir::toNativeSeparators(info.absolutePath());
        return r;
    }
    if (options.format == PacketFormat::Pdf) {
        removeStaleParts(info.absoluteFilePath(), QDateTime::currentDateTimeUtc());
        // The PDF module writes its file whole (or nothing) under the part name we give it.
        const QString part = partName(info.absoluteFilePath());
        if (const Status written = writePacketPdf(packet, part, options); !written) {
            return namingDestination(written.refusal(), part, info.absoluteFilePath());
        }
        mSet.add(part, info.absoluteFilePath(), false);
    } else if (Status s =
                   stageFile(info.absoluteFilePath(), renderPacketSingleHtml(packet).toUtf8());
               !s) {
        return s;
    }
    const QByteArray manifest = packetManifest(packet, options.format, info.fileName());
    if (Status s = stageFile(manifestPath(path, options.format), manifest); !s) {
        return s;
    }
    return stageFile(ownManifestPath(path), manifest);
}

} // namespace fo
