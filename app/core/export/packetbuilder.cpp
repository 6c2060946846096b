#include "export/packetbuilder.h"

#include "domain/contenthash.h"
#include "library/auditlog.h"
#include "library/database.h"
#include "library/organisationsettings.h"
#include "search/storyquery.h"
#include "stories/storyrepository.h"
#include "workflow/workflow.h"

#include <QFileInfo>

#include <algorithm>

namespace fo {

Result<QVector<Story>> PacketBuilder::select(const PacketRequest &request) const
{
    StoryRepository repo(mDb);
    QVector<Story> stories;
    if (!request.storyIds.isEmpty()) {
        for (const qint64 id : request.storyIds) {
            Result<Story> story = repo.get(id);
            if (!story) {
                return story.refusal();
            }
            stories << *story;
        }
        return stories;
    }
    StoryFilter filter;
    filter.status = request.status;
    filter.tag = request.tags.value(0);
    std::optional<Refusal> notFound;
    const Status read = StoryQuery(mDb).forEachRow(filter, 1000, false, [&](const StoryRow &row) {
        Result<Story> story = repo.get(row.id);
        if (!story) {
            notFound = story.refusal();
            return false;
        }
        const bool hasAll =
            std::all_of(request.tags.begin(), request.tags.end(), [&](const QString &t) {
                const QString label = TagLabel::parse(t).toString();
                return std::any_of(
                    story->tags.begin(), story->tags.end(), [&](const QString &have) {
                        return have.compare(label, Qt::CaseInsensitive) == 0 ||
                               TagLabel::parse(have).name.compare(label, Qt::CaseInsensitive) == 0;
                    });
            });
        if (hasAll) {
            stories << *story;
        }
        return true;
    });
    if (!read) {
        return read.refusal();
    }
    if (notFound) {
        return *notFound;
    }
    if (stories.isEmpty()) {
        return Refusal(RefusalKind::NoStoriesMatch);
    }
    // By office, then most recently updated first (the list already comes newest first).
    std::stable_sort(stories.begin(), stories.end(), [](const Story &a, const Story &b) {
        return a.officeName.compare(b.officeName, Qt::CaseInsensitive) < 0;
    });
    return stories;
}

QVector<PacketRefusal> PacketBuilder::gate(const QVector<Story> &stories) const
{
    QVector<PacketRefusal> refused;
    const Workflow workflow(mDb);
    for (const Story &story : stories) {
        if (const Status exportable = workflow.exportableRefusal(story); !exportable) {
            refused.append({story.id, story.headline, exportable.refusal()});
        }
    }
    return refused;
}

Packet PacketBuilder::build(const QVector<Story> &stories, const PacketRequest &request,
                            const Person &exporter) const
{
    const OrganisationInfo org = OrganisationSettings(mDb).load();
    Packet packet;
    packet.title = request.title;
    packet.organisation = org.name;
    packet.pressContact = org.pressContact;
    packet.createdAt = QDateTime::currentDateTimeUtc();
    packet.exportedBy = exporter.name;
    packet.draft = request.allowUnapproved;
    const Workflow workflow(mDb);
    for (const Story &story : stories) {
        PacketStory ps;
        ps.story = story;
        const ApprovalState state = workflow.approvalState(story);
        if (state.valid && state.approval) {
            ps.approval.reviewer = state.approval->personName;
            ps.approval.approvedAt = state.approval->approvedAt;
            ps.approval.revision = state.approval->revisionNumber;
        }
        // The hash of what is exported, which for an approved story is the approved hash.
        ps.approval.contentHash = QString::fromLatin1(contentHash(story));
        packet.stories << ps;
    }
    return packet;
}

Status PacketBuilder::recordExport(const Packet &packet, const Person &exporter,
                                   const QString &path, PacketFiles *files)
{
    Transaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    AuditLog audit(mDb);
    const QString where = QFileInfo(path).fileName();
    if (Status s =
            audit.append(AuditAction::Exported, 0, exporter,
                         QStringLiteral("packet \"%1\" (%2 stories%3) to %4")
                             .arg(packet.title)
                             .arg(packet.stories.size())
                             .arg(packet.draft ? QStringLiteral(", DRAFT") : QString(), where));
        !s) {
        return s;
    }
    for (const PacketStory &ps : packet.stories) {
        if (Status s =
                audit.append(AuditAction::Exported, ps.story.id, exporter,
                             QStringLiteral("in packet \"%1\" to %2").arg(packet.title, where),
                             int(ps.approval.revision));
            !s) {
            return s;
        }
    }
    if (files) {
        if (Status s = files->publish(); !s) {
            return s; // the transaction rolls back: nothing was written, nothing is recorded
        }
    }
    if (Status s = tx.finish(); !s) {
        if (files) {
            files->undo();
        }
        return s;
    }
    if (files) {
        files->finish();
    }
    return Status();
}

} // namespace fo
