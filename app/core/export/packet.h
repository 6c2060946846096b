#pragma once

#include "base/refusal.h"

#include "domain/story.h"
#include "export/pdfexporter.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVector>

#include <functional>

namespace fo {

/// The approval of the exact version of a story that goes into a packet. The caller (the
/// workflow's gate) fills it after checking the story; the packet only records it.
struct StoryApproval
{
    QString reviewer;
    QDateTime approvedAt; // UTC
    qint64 revision = 0;
    QString contentHash; // SHA-256 (hex) of the approved content, from the workflow's contentHash()
};

struct PacketStory
{
    Story story;
    StoryApproval approval; // empty for stories let through with --allow-unapproved
};

/// A press packet: an ordered list of stories behind a cover. The stories arrive checked and in
/// order; building the packet decides nothing about what may be released.
struct Packet
{
    QString title;
    QString organisation;
    QString pressContact; // several lines: name, telephone, e-mail
    QDateTime createdAt;  // UTC; the cover's date and the manifest's time
    QString exportedBy;   // the person exporting, for the manifest
    bool draft = false;   // "DRAFT — NOT FOR RELEASE" on every page
    QVector<PacketStory> stories;

    /// The latest embargo among stories still embargoed at createdAt; invalid when none is.
    QDateTime embargo() const;
    /// "Embargoed until 10 December 2026, 09:00 UTC", or empty.
    QString embargoLine() const;
    /// The cover's date: "3 March 2026".
    QString dateLine() const;
};

enum class PacketFormat
{
    Pdf,            // one PDF file
    HtmlFolder,     // a folder: index.html, one page per story, house.css, manifest.json
    HtmlSingleFile, // one self-contained HTML file
};

struct PacketOptions
{
    PacketFormat format = PacketFormat::Pdf;
    PageSize pageSize = PageSize::A4;
    /// Called after each story (and each PDF page); returning false cancels: nothing is written.
    std::function<bool(int done, int total)> progress;
};

/// Writes the packet to `path` (the PDF file, the HTML file, or the folder) and its manifest
/// (manifestPath()). Everything is written atomically: on failure or cancel, nothing new is left
/// and what was there before is untouched. Otherwise says why not.
Status writePacket(const Packet &packet, const QString &path, const PacketOptions &options);

/// Where the manifest of a packet goes: inside the folder of an HTML packet
/// ("press/manifest.json"), else beside the file ("press.pdf" → "manifest.json" in its folder).
QString manifestPath(const QString &path, PacketFormat format);
/// A file packet's own copy of its manifest, which a later packet in the same folder does not
/// replace: "press.pdf" → "press.manifest.json".
QString ownManifestPath(const QString &path);

/// manifest.json: title, time, exporting person, and for each story its id, UUID, revision,
/// approving reviewer and time, and the SHA-256 of its approved content.
QByteArray packetManifest(const Packet &packet, PacketFormat format, const QString &fileName);

/// The packet as PDF: cover, contents with page numbers and links, each story from a new page,
/// running header, "Page N of M", an outline entry per story, metadata. (Used by writePacket.)
Status writePacketPdf(const Packet &packet, const QString &path, const PacketOptions &options);

} // namespace fo
