#include "history/storyhistory.h"

#include "history/approvalrepository.h"
#include "comments/commentrepository.h"
#include "domain/contenthash.h"
#include "history/revisionrepository.h"
#include "domain/story.h"

namespace fo {

bool StoryHistory::recordCreated(const Story &stored, const Person &actor, QString *error)
{
    const std::optional<Revision> rev = RevisionRepository(mDb).record(
        stored, RevisionKind::Created, actor, QString(), error, nullptr, stored.createdAt);
    return rev && AuditLog(mDb).record(AuditAction::Created, stored.id, actor, stored.headline,
                                       error, rev->number);
}

bool StoryHistory::recordEdit(const Story &before, const Story &after, const ChangeContext &context,
                              bool approvalLost, QString *error)
{
    RevisionRepository revisions(mDb);
    if (!revisions.ensureBaseline(before, error)) {
        return false;
    }
    const bool restore = context.action == AuditAction::Restored;
    const QString fields = changedFields(before, after);
    QString note = context.note;
    std::optional<Approval> approval;
    if (approvalLost) {
        approval = ApprovalRepository(mDb).latest(before.id);
        const QString lost =
            approval ? QStringLiteral("changed since approval by %1 of revision %2")
                           .arg(approval->personName)
                           .arg(approval->revisionNumber)
                     : QStringLiteral("changed while %1").arg(statusLabel(before.status));
        note = note.isEmpty() ? lost : note + QStringLiteral("; ") + lost;
    }
    bool coalesced = false;
    const std::optional<Revision> rev =
        revisions.record(after, restore ? RevisionKind::Restore : RevisionKind::Edit, context.actor,
                         note, error, &coalesced, QDateTime(), !context.separateRevision);
    if (!rev) {
        return false;
    }
    AuditLog audit(mDb);
    // One audit row per revision: an editing session is one "edited" row, not one per autosave.
    if (!coalesced && !audit.record(context.action, after.id, context.actor,
                                    context.note.isEmpty() ? fields
                                                           : context.note + QStringLiteral(" (") +
                                                                 fields + QLatin1Char(')'),
                                    error, rev->number)) {
        return false;
    }
    if (approvalLost &&
        !audit.record(AuditAction::ApprovalLost, after.id, context.actor,
                      QStringLiteral("%1 → %2: %3 changed%4")
                          .arg(statusKey(before.status), statusKey(after.status), fields,
                               approval ? QStringLiteral(" since revision %1 (sha256 %2)")
                                              .arg(approval->revisionNumber)
                                              .arg(QString::fromLatin1(approval->contentHash))
                                        : QString()),
                      error, rev->number)) {
        return false;
    }
    if (before.body != after.body &&
        !CommentRepository(mDb).reanchor(after.id, after.body, error)) {
        return false;
    }
    return true;
}

bool StoryHistory::recordStateChange(const Story &before, const Story &after,
                                     const ChangeContext &context, QString *error)
{
    RevisionRepository revisions(mDb);
    if (!revisions.ensureBaseline(before, error)) {
        return false;
    }
    const QString change =
        QStringLiteral("%1 → %2").arg(statusKey(before.status), statusKey(after.status));
    const std::optional<Revision> rev = revisions.record(after, RevisionKind::State, context.actor,
                                                         context.note, error, nullptr, context.at);
    return rev && AuditLog(mDb).record(context.action, after.id, context.actor,
                                       context.note.isEmpty()
                                           ? change
                                           : change + QStringLiteral(": ") + context.note,
                                       error, rev->number);
}

QString StoryHistory::changedFields(const Story &a, const Story &b)
{
    QStringList fields;
    auto check = [&fields](bool differs, const char *name) {
        if (differs) {
            fields << QString::fromLatin1(name);
        }
    };
    check(a.headline != b.headline, "headline");
    check(a.datelineCity != b.datelineCity || a.datelineCountry != b.datelineCountry, "dateline");
    check(a.officeName != b.officeName, "office");
    check(a.byline != b.byline, "byline");
    check(a.summary != b.summary, "summary");
    check(a.language != b.language, "language");
    check(a.embargoAt != b.embargoAt, "embargo");
    check(canonicalTags(a.tags) != canonicalTags(b.tags), "tags");
    check(a.body != b.body, "body");
    return fields.isEmpty() ? QStringLiteral("nothing") : fields.join(QStringLiteral(", "));
}

} // namespace fo
