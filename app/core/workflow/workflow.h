#pragma once

#include "history/approvalrepository.h"
#include "domain/person.h"
#include "history/revisionrepository.h"
#include "domain/story.h"

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
std::optional<WorkflowAction> parseAction(const QString &text);
QVector<WorkflowAction> allActions();

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

/// Whether a story's latest approval covers what it holds now.
struct ApprovalState
{
    std::optional<Approval> approval; // the latest approval, if it was ever approved
    QByteArray currentHash;           // contentHash() of the story as it is
    /// Approved or Released, and the latest approval is of exactly this content: exportable.
    bool valid = false;
    /// Back in Draft, Changes requested or In review after an approval, with different content.
    bool changedSinceApproval = false;
    QString reason; // why it is not valid (for an export refusal); empty when valid
};

/// What a transition did.
struct WorkflowResult
{
    StoryStatus from = StoryStatus::Draft;
    StoryStatus to = StoryStatus::Draft;
    Revision revision;                // the state revision it recorded
    std::optional<Approval> approval; // Approve only
};

/// The editorial workflow: who may move a story where, approvals bound to an exact version,
/// restoring revisions, and who may manage people and build packets.
///
/// Refusals come back as one sentence. On a local file this is a workflow guard, not a
/// security boundary. Edits themselves go through StoryRepository::update, which asks
/// editRefusal() and moves an approved story whose exported content changes back to Draft.
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
    /// Empty when `actor` may build press packets and exports (the exporter role).
    static QString exportRefusal(const Person &actor);
    /// The status as users read it: "Draft — changed since approval".
    static QString statusText(StoryStatus status, const ApprovalState &approval);

    /// Does `action` to the story as `actor`, in one transaction: the new state, a state
    /// revision, the audit row, the comment (if any) and, for Approve, the approval.
    std::optional<WorkflowResult> perform(qint64 storyId, WorkflowAction action,
                                          const Person &actor, const QString &comment,
                                          QString *error);

    /// The story's latest approval counts only when it is genuine (approvalNotGenuine() is
    /// empty) and covers what the story holds now (every field an export prints).
    ApprovalState approvalState(const Story &story) const;
    /// Why an approval row is not a reviewer's approval of a recorded revision of the story:
    /// its revision must exist and belong to the story, be the Approved state revision that the
    /// approver recorded, carry the approval's content hash, and the approver must have the
    /// reviewer role. Empty when it is genuine. (A row written into the file by other means
    /// that carries only a hash is refused here.)
    static QString approvalNotGenuine(const Approval &approval, qint64 storyId);
    /// Empty when the story may be exported as it is now; otherwise why not.
    QString exportableRefusal(const Story &story) const;

    /// Makes revision `number`'s content (every field but the state) the story's content again,
    /// as a new revision. Like any edit, this moves an approved story to Draft.
    std::optional<Revision> restore(qint64 storyId, int number, const Person &actor,
                                    QString *error);

    /// Moves the story to the Trash or back, with an audit row (editor or admin).
    bool setTrashed(qint64 storyId, bool trashed, const Person &actor, QString *error);

    /// Empty when `actor` may add or change people: an active admin, or anyone while the
    /// library has no admin yet (so that the first people can be set up).
    QString peopleRefusal(const Person &actor) const;
    bool addPerson(Person &person, const Person &actor, QString *error);
    /// Also refuses to take away the last active admin.
    bool updatePerson(const Person &person, const Person &actor, QString *error);

private:
    bool approvalCovers(const Approval &approval, const Story &story) const;

    Database &mDb;
};

} // namespace fo
