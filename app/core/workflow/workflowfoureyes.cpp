// The four-eyes rule (a library setting, ReviewSettings) and approving in one step: what a
// reviewer who fixed a typo in an approved story may do about its lost approval.

#include "workflow/workflow.h"

#include "library/reviewsettings.h"

namespace fo {

QString Workflow::ownChangeRefusal(qint64 storyId, const Person &actor) const
{
    if (!actor.isKnown() || !ReviewSettings(mDb).fourEyes()) {
        return QString();
    }
    const Result<QVector<Revision>> revisions = RevisionRepository(mDb).forStory(storyId, false);
    if (!revisions) {
        return QStringLiteral("cannot approve: %1").arg(revisions.refusal().detail);
    }
    // Newest first: the content changes since the last approval are the ones it would cover.
    for (const Revision &r : *revisions) {
        if (r.kind == RevisionKind::State && r.status == StoryStatus::Approved) {
            break;
        }
        if (r.kind != RevisionKind::State && r.personId == actor.id) {
            return QStringLiteral("cannot approve: this library's four-eyes rule needs another "
                                  "reviewer to approve a version %1 changed")
                .arg(actor.name);
        }
    }
    return QString();
}

QString Workflow::submitAndApproveRefusal(StoryStatus status, const Person &actor) const
{
    if (!actor.isKnown() || !actor.has(Role::Reviewer)) {
        return QStringLiteral("cannot submit and approve: that needs the reviewer role");
    }
    if (status != StoryStatus::Draft && status != StoryStatus::ChangesRequested) {
        return QStringLiteral("cannot submit and approve a story in %1").arg(statusLabel(status));
    }
    if (ReviewSettings(mDb).fourEyes()) {
        return QStringLiteral("cannot submit and approve in one step: this library's four-eyes "
                              "rule needs another reviewer to approve");
    }
    return QString();
}

QString Workflow::settingsRefusal(const Person &actor)
{
    if (!actor.isKnown() || !actor.has(Role::Admin)) {
        return QStringLiteral("only an admin can change the library's review rules");
    }
    return QString();
}

} // namespace fo
