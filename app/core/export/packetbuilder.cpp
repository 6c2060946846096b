#include "export/packetbuilder.h"

#include "library/auditlog.h"
#include "domain/contenthash.h"
#include "library/database.h"
#include "library/organisationsettings.h"
#include "search/storyquery.h"
#include "stories/storyrepository.h"
#include "workflow/workflow.h"

#include <QFileInfo>

#include <algorithm>

namespace fo {

std::optional<QVector<Story>> PacketBuilder::select(const PacketRequest &request,
                                                    QString *error) const
{
    StoryRepository repo(mDb);
    QVector<Story> stories;
    if (!request.storyIds.isEmpty()) {
        for (const qint64 id : request.storyIds) {
            std::optional<Story> story = repo.get(id, error);
            if (!story) {
                return std::nullopt;
            }
            stories << *story;
        }
        return stories;
    }
    StoryFilter filter;
    filter.status = request.status;
    filter.tag = request.tags.value(0);
    bool found = true;
    const bool read = StoryQuery(mDb).forEachRow(
        filter, 1000, false,
        [&](const StoryRow &row) {
            std::optional<Story> story = repo.get(row.id, error);
            if (!story) {
                found = false;
                return false;
            }
            const bool hasAll =
                std::all_of(request.tags.begin(), request.tags.end(), [&](const QString &t) {
                    const QString label = TagLabel::parse(t).toString();
                    return std::any_of(
                        story->tags.begin(), story->tags.end(), [&](const QString &have) {
                            return have.compare(label, Qt::CaseInsensitive) == 0 ||
                                   TagLabel::parse(have).name.compare(label, Qt::CaseInsensitive) ==
                                       0;
                        });
                });
            if (hasAll) {
                stories << *story;
            }
            return true;
        },
        error);
    if (!read || !found) {
        return std::nullopt;
    }
    if (stories.isEmpty()) {
        if (error) {
            *error = QStringLiteral("no stories match; name them with --story ID or choose "
                                    "--tag and --status");
        }
        return std::nullopt;
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
        const QString reason = workflow.exportableRefusal(story);
        if (!reason.isEmpty()) {
            refused.append({story.id, story.headline, reason});
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

bool PacketBuilder::recordExport(const Packet &packet, const Person &exporter, const QString &path,
                                 QString *error, PacketFiles *files)
{
    Transaction tx(mDb.connection());
    if (!tx.started(error)) {
        return false;
    }
    AuditLog audit(mDb);
    const QString where = QFileInfo(path).fileName();
    if (!audit.record(AuditAction::Exported, 0, exporter,
                      QStringLiteral("packet \"%1\" (%2 stories%3) to %4")
                          .arg(packet.title)
                          .arg(packet.stories.size())
                          .arg(packet.draft ? QStringLiteral(", DRAFT") : QString(), where),
                      error)) {
        return false;
    }
    for (const PacketStory &ps : packet.stories) {
        if (!audit.record(AuditAction::Exported, ps.story.id, exporter,
                          QStringLiteral("in packet \"%1\" to %2").arg(packet.title, where), error,
                          int(ps.approval.revision))) {
            return false;
        }
    }
    if (files && !files->publish(error)) {
        return false; // the transaction rolls back: nothing was written, nothing is recorded
    }
    if (!tx.commit(error)) {
        if (files) {
            files->undo();
        }
        return false;
    }
    if (files) {
        files->finish();
    }
    return true;
}

} // namespace fo
