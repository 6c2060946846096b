// The export gate: whether a story's approval is genuine and covers what an export prints.

#include "workflow/workflow.h"

#include "domain/contenthash.h"
#include "history/revisionrepository.h"
#include "library/database.h"

namespace fo {

ApprovalState Workflow::approvalState(const Story &story) const
{
    ApprovalState state;
    state.approval = ApprovalRepository(mDb).latest(story.id);
    state.currentHash = contentHash(story);
    const bool approvedState =
        story.status == StoryStatus::Approved || story.status == StoryStatus::Released;
    const QString notGenuine =
        state.approval ? approvalNotGenuine(*state.approval, story.id) : QString();
    const bool matches =
        state.approval && notGenuine.isEmpty() && approvalCovers(*state.approval, story);
    state.valid = approvedState && matches;
    state.changedSinceApproval =
        state.approval && notGenuine.isEmpty() && !matches &&
        (story.status == StoryStatus::Draft || story.status == StoryStatus::ChangesRequested ||
         story.status == StoryStatus::InReview);
    if (!state.valid) {
        // The words are the front end's (refusalText, approvalRefusalText): the state as
        // people read it, and the rule an approval broke, go with the refusal.
        if (!approvedState) {
            state.why =
                Refusal(RefusalKind::StoryNotApproved, statusText(story.status, state).toLower());
        } else if (!state.approval) {
            state.why = Refusal(RefusalKind::ApprovalMissing, statusLabel(story.status));
        } else if (!notGenuine.isEmpty()) {
            state.why =
                Refusal(RefusalKind::ApprovalNotCounted, statusLabel(story.status), notGenuine);
        } else {
            state.why = Refusal(RefusalKind::ChangedAfterApproval);
            state.why.number = state.approval->revisionNumber;
        }
        state.why.id = story.id;
    }
    return state;
}

QString Workflow::approvalNotGenuine(const Approval &a, qint64 storyId)
{
    if (a.storyId != storyId || !a.revisionFound || a.revisionStoryId != storyId) {
        return QStringLiteral("it names no revision of this story");
    }
    // Approving records a state revision (Approved, by the reviewer) and the approval with it.
    if (a.revisionKind != QLatin1String("state") ||
        a.revisionStatus != statusKey(StoryStatus::Approved) || a.personId == 0 ||
        a.revisionPersonId != a.personId) {
        return QStringLiteral("revision %1 is not a reviewer's approval of the story")
            .arg(a.revisionNumber);
    }
    if (!a.approverIsReviewer) {
        return QStringLiteral("%1 does not have the reviewer role").arg(a.personName);
    }
    if (a.revisionHash != a.contentHash) {
        return QStringLiteral("its content hash is not that of revision %1").arg(a.revisionNumber);
    }
    return QString();
}

bool Workflow::approvalCovers(const Approval &a, const Story &story) const
{
    const QByteArray current = contentHash(story);
    if (a.contentHash == current) {
        return true;
    }
    // Approved before office and embargo were hashed: the approval still covers the story
    // while everything it prints, office and embargo included, is as in the approved revision.
    if (a.contentHash != legacyContentHash(story)) {
        return false;
    }
    const Result<Revision> approved = RevisionRepository(mDb).byId(a.revisionId);
    return approved && legacyContentHash(approved->story) == a.contentHash &&
           contentHash(approved->story) == current;
}

Status Workflow::exportableRefusal(const Story &story) const
{
    const ApprovalState state = approvalState(story);
    return state.valid ? Status() : Status(state.why);
}

} // namespace fo
