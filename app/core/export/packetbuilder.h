#pragma once

#include "domain/person.h"
#include "domain/story.h"
#include "export/packet.h"
#include "export/packetfiles.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// Which stories go into a packet, and under what title.
struct PacketRequest
{
    QVector<qint64> storyIds; // in this order; when empty, the stories matching tags and status
    QStringList tags;         // every tag must be on the story
    std::optional<StoryStatus> status;
    QString title;
    bool allowUnapproved = false; // build anyway, marked "DRAFT — NOT FOR RELEASE"
};

/// Why a story may not go into a packet.
struct PacketRefusal
{
    qint64 storyId = 0;
    QString headline;
    Refusal why; // ApprovalState::why; in words: refusalText(), approvalRefusalText()
};

/// The press-packet gate and assembly, shared by the command line and the window: only stories
/// that are Approved (or Released) and unchanged since their approval go into a packet, unless
/// the packet is explicitly a draft. The export is recorded in the audit trail.
class PacketBuilder
{
public:
    explicit PacketBuilder(Database &db) : mDb(db) {}

    /// The stories of the request: the given ids in their order, else the stories matching
    /// tags and status ordered by office, then most recently updated first. Stories in the
    /// Trash are never selected. Refused for an unknown id (StoryNotFound) or an empty
    /// selection (NoStoriesMatch).
    Result<QVector<Story>> select(const PacketRequest &request) const;
    /// Every story that may not go in, with the reason; empty when all may.
    QVector<PacketRefusal> gate(const QVector<Story> &stories) const;
    /// The packet, with each story's approval (reviewer, time, revision, content hash) and the
    /// organisation's cover details from the library.
    Packet build(const QVector<Story> &stories, const PacketRequest &request,
                 const Person &exporter) const;
    /// Audit rows for a packet: one for the packet, one per story. With `files` (staged, not yet
    /// published) the rows and the files go in together: the rows are written in a transaction,
    /// the files are published, and the transaction commits; if publishing fails nothing is
    /// recorded, and if the commit fails the files are taken back (PacketFiles::undo()).
    Status recordExport(const Packet &packet, const Person &exporter, const QString &path,
                        PacketFiles *files = nullptr);

private:
    Database &mDb;
};

} // namespace fo
