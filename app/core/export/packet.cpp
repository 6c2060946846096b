#include "export/packet.h"

#include "export/packetfiles.h"
#include "export/packethtml.h"
#include "export/storydocument.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace fo {

namespace {

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QString formatName(PacketFormat format)
{
    switch (format) {
    case PacketFormat::HtmlFolder:
        return QStringLiteral("html");
    case PacketFormat::HtmlSingleFile:
        return QStringLiteral("html-single-file");
    case PacketFormat::Pdf:
        break;
    }
    return QStringLiteral("pdf");
}

QJsonObject storyEntry(const PacketStory &ps, int position, PacketFormat format)
{
    const Story &s = ps.story;
    const StoryApproval &a = ps.approval;
    QJsonObject o{
        {QStringLiteral("position"), position},
        {QStringLiteral("id"), s.id},
        {QStringLiteral("uuid"), s.uuid},
        {QStringLiteral("headline"), s.headline},
        {QStringLiteral("language"), s.language},
        {QStringLiteral("revision"), a.revision > 0 ? QJsonValue(a.revision) : QJsonValue()},
        {QStringLiteral("approvedBy"), textOrNull(a.reviewer)},
        {QStringLiteral("approvedAt"), timeOrNull(a.approvedAt)},
        {QStringLiteral("sha256"), textOrNull(a.contentHash)},
    };
    if (format == PacketFormat::HtmlFolder) {
        o.insert(QStringLiteral("file"), packetStoryFileName(s));
    }
    return o;
}

} // namespace

QDateTime Packet::embargo() const
{
    QDateTime latest;
    for (const PacketStory &ps : stories) {
        const QDateTime e = ps.story.embargoAt;
        if (e.isValid() && (!createdAt.isValid() || e > createdAt) &&
            (!latest.isValid() || e > latest)) {
            latest = e;
        }
    }
    return latest;
}

QString Packet::embargoLine() const
{
    const QDateTime e = embargo();
    return e.isValid() ? QStringLiteral("Embargoed until %1").arg(formatEmbargo(e)) : QString();
}

QString Packet::dateLine() const
{
    const QDateTime t = createdAt.isValid() ? createdAt : QDateTime::currentDateTimeUtc();
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(t.toUTC().date(), QStringLiteral("d MMMM yyyy"));
}

QString manifestPath(const QString &path, PacketFormat format)
{
    const QFileInfo info(path);
    if (format == PacketFormat::HtmlFolder) {
        return QDir(info.absoluteFilePath()).filePath(QStringLiteral("manifest.json"));
    }
    // "manifest.json beside every packet": the name a recipient's tools look for. It names the
    // file it describes; a second packet in the same folder takes that name over, and each
    // packet's own copy (ownManifestPath) keeps the first one's record.
    return info.absoluteDir().filePath(QStringLiteral("manifest.json"));
}

QString ownManifestPath(const QString &path)
{
    const QFileInfo info(path);
    return info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".manifest.json"));
}

QByteArray packetManifest(const Packet &packet, PacketFormat format, const QString &fileName)
{
    QJsonArray stories;
    for (int i = 0; i < packet.stories.size(); ++i) {
        stories.append(storyEntry(packet.stories.at(i), i + 1, format));
    }
    const QJsonObject root{
        {QStringLiteral("manifest"), QStringLiteral("fieldoffice-packet/1")},
        {QStringLiteral("title"), packet.title},
        {QStringLiteral("organisation"), packet.organisation},
        {QStringLiteral("time"), timeOrNull(packet.createdAt)},
        {QStringLiteral("exportedBy"), textOrNull(packet.exportedBy)},
        {QStringLiteral("draft"), packet.draft},
        {QStringLiteral("embargo"), timeOrNull(packet.embargo())},
        {QStringLiteral("format"), formatName(format)},
        {QStringLiteral("file"), fileName},
        {QStringLiteral("stories"), stories},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Status writePacket(const Packet &packet, const QString &path, const PacketOptions &options)
{
    PacketFiles files;
    Status done = files.stage(packet, path, options);
    if (done) {
        done = files.publish();
    }
    if (done) {
        files.finish();
    }
    return done;
}

} // namespace fo
