#pragma once

#include "domain/person.h"
#include "domain/story.h"
#include "history/approvalrepository.h"
#include "history/revisionrepository.h"
#include "library/auditlog.h"

#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// What a person can do to a story's state.
enum class WorkflowAction
{
    Submit,         // Draft / Changes requested → In review                  (editor)
    RequestChanges, // In review → Changes requested, a comment is required   (reviewer)
    Approve,        // In review → Approved: records the revision and hash    (reviewer)
    Release,        // Approved → Released, while the approval still matches  (reviewer, exporter)
    Archive, // any state but Archived → Archived                      (editor, reviewer, admin)
    Reopen,  // Archived → Draft                                        (editor, admin)
};

QString actionKey(WorkflowAction action);   // "request-changes"
QString actionLabel(WorkflowAction action); // "Request changes"
QVector<WorkflowAction> allActions();
/// How the audit trail names the action (Approved, …).
AuditAction actionAuditAction(WorkflowAction action);

/// One row of the transition table.
struct Transition
{
    StoryStatus from;
    WorkflowAction action;
    StoryStatus to;
    Roles roles; // any one of them is enough
};
/// The whole table: every allowed (state, action) pair. Anything else is refused.
const QVector<Transition> &transitions();
/// Where `action` takes a story in `from`; nullopt when the table has no such row.
std::optional<StoryStatus> transitionTarget(StoryStatus from, WorkflowAction action);

/// Whether a story's latest approval covers what it holds now.
struct ApprovalState
{
    std::optional<Approval> approval; // the latest approval, if it was ever approved
    QByteArray currentHash;           // contentHash() of the story as it is
    /// Approved or Released, and the latest approval is of exactly this content: exportable.
    bool valid = false;
    /// Back in Draft, Changes requested or In review after an approval, with different content.
    bool changedSinceApproval = false;
    /// Why it is not valid (for an export refusal): StoryNotApproved, ApprovalMissing,
    /// ApprovalNotCounted or ChangedAfterApproval, with the story's id; only when !valid.
    Refusal why;
};

/// What a transition did.
struct WorkflowResult
{
    StoryStatus from = StoryStatus::Draft;
    StoryStatus to = StoryStatus::Draft;
    Revision revision;                // the state revision it recorded
    std::optional<Approval> approval; // Approve only
};

/// The editorial workflow's rules: who may move a story where, approvals bound to an exact
/// version, and who may manage people and build packets. No story is written here: the
/// transitions, restores and the Trash are done by StoryWriter (stories/), which asks these
/// rules first, so that every change to a story goes through one writer.
///
/// Refusals come back as one sentence. On a local file this is a workflow guard, not a
/// security boundary.
class Workflow
{
public:
    explicit Workflow(Database &db) : mDb(db) {}

    /// Empty when `actor` may do `action` to a story in `status`; otherwise the reason.
    /// RequestChanges also needs a non-empty `comment`. (Release additionally needs a valid
    /// approval, which perform() checks against the library.)
    static QString refusal(StoryStatus status, WorkflowAction action, const Person &actor,
                           const QString &comment = QString());
    /// Empty when `actor` may edit a story in `status` (editor or reviewer, not Archived).
    static QString editRefusal(StoryStatus status, const Person &actor);
    /// The actions refusal() would allow (comment requirements aside), for buttons and menus.
    static QVector<WorkflowAction> availableActions(StoryStatus status, const Person &actor);
    /// None when `actor` may create stories (new, duplicate, import): an active editor, the one
    /// role that can both write the new story and move it to the Trash again. Typed:
    /// NoPersonChosen, CreateNeedsRole (issue 12 item 17).
    static std::optional<Refusal> createRefusal(const Person &actor);
    /// Empty when `actor` may build press packets and exports (the exporter role).
    static QString exportRefusal(const Person &actor);
    /// The status as users read it: "Draft — changed since approval".
    static QString statusText(StoryStatus status, const ApprovalState &approval);

    /// The story's latest approval counts only when it is genuine (approvalNotGenuine() is
    /// empty) and covers what the story holds now (every field an export prints).
    ApprovalState approvalState(const Story &story) const;
    /// Why an approval row is not a reviewer's approval of a recorded revision of the story:
    /// its revision must exist and belong to the story, be the Approved state revision that the
    /// approver recorded, carry the approval's content hash, and the approver must have the
    /// reviewer role. Empty when it is genuine. (A row written into the file by other means
    /// that carries only a hash is refused here.)
    static QString approvalNotGenuine(const Approval &approval, qint64 storyId);
    /// Done when the story may be exported as it is now; otherwise why not (ApprovalState::why).
    Status exportableRefusal(const Story &story) const;

    /// Empty when `actor` may move stories to the Trash or back (editor or admin).
    static QString trashRefusal(const Person &actor);
    /// Empty when `actor` may delete the stories in the Trash for good: the people who may move
    /// them there; nobody named (a tool) may too.
    static QString deleteRefusal(const Person &actor);

    /// Empty when `actor` may add or change people: an active admin, or anyone while the
    /// library has no admin yet (so that the first people can be set up).
    QString peopleRefusal(const Person &actor) const;
    /// peopleRefusal() (as WorkflowRefused), then PersonRepository::add().
    Status addPerson(Person &person, const Person &actor);
    /// Also refuses to take away the last active admin (LastAdmin).
    Status updatePerson(const Person &person, const Person &actor);

    // Issue 12 item 11 (workflowfoureyes.cpp): the four-eyes rule and one-step approval.
    /// Empty unless the library's four-eyes rule is on and `actor` changed the story's content
    /// since its last approval (or ever, when it was never approved): then why not.
    QString ownChangeRefusal(qint64 storyId, const Person &actor) const;
    /// Empty when `actor` may submit and approve a story in `status` in one step: a reviewer,
    /// a story in Draft or Changes requested, and the four-eyes rule off.
    QString submitAndApproveRefusal(StoryStatus status, const Person &actor) const;
    /// Empty when `actor` may change the library's review rules (ReviewSettings): an admin.
    static QString settingsRefusal(const Person &actor);

private:
    bool approvalCovers(const Approval &approval, const Story &story) const;

    Database &mDb;
};

} // namespace fo
