#include "export/packetfiles.h"

#include "export/packethtml.h"

#include <QDir>
#include <QFileInfo>

namespace fo {

bool PacketFiles::stageFile(const QString &destination, const QByteArray &data, QString *error)
{
    StagedFile file(destination);
    if (!file.open(error) || !file.write(data, error) || !file.close(error)) {
        return false;
    }
    file.release();
    mSet.add(file.partPath(), destination, false);
    return true;
}

bool PacketFiles::stageFolder(const Packet &packet, const QString &path,
                              const PacketOptions &options, QString *error)
{
    FolderTransaction folder(path);
    if (!folder.begin(error) || !writePacketHtmlFolder(packet, folder, options, error)) {
        return false;
    }
    const QByteArray manifest =
        packetManifest(packet, PacketFormat::HtmlFolder, QStringLiteral("index.html"));
    if (!folder.writeFile(QStringLiteral("manifest.json"), manifest, error) ||
        !folder.sync(error)) {
        return false;
    }
    folder.release();
    mSet.add(folder.path(), folder.destination(), true);
    return true;
}

bool PacketFiles::stage(const Packet &packet, const QString &path, const PacketOptions &options,
                        QString *error)
{
    mSet.discard(); // a second stage() starts afresh
    if (!stageAll(packet, path, options, error)) {
        mSet.discard(); // what was staged before the failure goes too
        return false;
    }
    return true;
}

bool PacketFiles::stageAll(const Packet &packet, const QString &path, const PacketOptions &options,
                           QString *error)
{
    if (packet.stories.isEmpty()) {
        *error = QStringLiteral("a packet needs at least one story");
        return false;
    }
    if (options.format == PacketFormat::HtmlFolder) {
        return stageFolder(packet, path, options, error);
    }
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        *error =
            QStringLiteral("cannot write %1: the folder %2 does not exist")
                .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (options.format == PacketFormat::Pdf) {
        removeStaleParts(info.absoluteFilePath(), QDateTime::currentDateTimeUtc());
        // The PDF module writes its file whole (or nothing) under the part name we give it.
        const QString part = partName(info.absoluteFilePath());
        if (!writePacketPdf(packet, part, options, error)) {
            error->replace(QDir::toNativeSeparators(part),
                           QDir::toNativeSeparators(info.absoluteFilePath()));
            return false;
        }
        mSet.add(part, info.absoluteFilePath(), false);
    } else if (!stageFile(info.absoluteFilePath(), renderPacketSingleHtml(packet).toUtf8(),
                          error)) {
        return false;
    }
    const QByteArray manifest = packetManifest(packet, options.format, info.fileName());
    return stageFile(manifestPath(path, options.format), manifest, error) &&
           stageFile(ownManifestPath(path), manifest, error);
}

} // namespace fo
