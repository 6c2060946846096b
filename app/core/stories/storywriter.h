#pragma once

#include "domain/person.h"
#include "domain/story.h"
#include "domain/storymerge.h"
#include "history/changelog.h"
#include "history/revisionrepository.h"
#include "history/storyhistory.h"
#include "workflow/workflow.h"

#include <QString>

#include <optional>

namespace fo {

class Database;

/// What one change recorded, as the writer recorded it: callers never read it back.
struct Written
{
    Story stored;                         // the story as stored after the change
    ChangeKind kind = ChangeKind::Edited; // as the change log names it
    ChangedFields fields;                 // the content fields that changed
    StoryStatus from = StoryStatus::Draft;
    StoryStatus to = StoryStatus::Draft;
    std::optional<Revision> revision; // the revision recorded or extended; none for a no-op
    bool approvalLost = false;        // an approved or released story went back to Draft
    qint64 change = 0;                // the change log's sequence number; 0 when nothing changed
};

/// The one writer of stories. Every change to a story — the window's save (with a base, with
/// merge, recovered), new and duplicate, import, the command line's edit, the demo, workflow
/// transitions, restoring a revision, the Trash — goes through here, and each does in ONE
/// transaction: the refusal (workflow rules, limits), the row (StoryRepository), the revision
/// and audit row (StoryHistory), the approval-lost rule, comment anchoring, and a row of the
/// change log (ChangeLog), which the team sync and safeguarding checks read. It returns what it
/// recorded. Nests inside a caller's transaction (an import, the demo).
///
/// Without a known person a change is recorded for nobody and the workflow's rules are not
/// asked (tools, tests, a library nobody has set up people in).
class StoryWriter
{
public:
    explicit StoryWriter(Database &db) : mDb(db) {}

    /// Inserts the story (StoryRepository::insert) within the story limits. With a known
    /// person it becomes revision 1 ("created") with an audit row. `context.change` names an
    /// import; otherwise it is logged as created.
    Status create(Story &story);
    Status create(Story &story, const Person &actor);
    Status create(Story &story, const ChangeContext &context, Written *written = nullptr);

    /// Writes every field but the state, and the tags. A story that did not change is not
    /// touched (its updated time stays). The change becomes a revision (an editing session of
    /// one person is one revision), and when exported content (contenthash.h) of an Approved or
    /// Released story changes, the story moves to Draft and shows "changed since approval".
    /// `story.status` is ignored: the state changes only through perform()/setStatus(), so that
    /// an editor saving a stale copy can never undo a review. With a known person,
    /// Workflow::editRefusal() is asked first.
    Status update(const Story &story);
    Status update(const Story &story, const Person &actor);
    Status update(const Story &story, const ChangeContext &context, Written *written = nullptr);
    /// Writes `mine`, a change made to `base` (the story as the caller last read or wrote it).
    /// While the library still holds base's content this is update(mine). When someone else
    /// changed the story meanwhile, both changes are merged field by field (mergeStory) in the
    /// same transaction and written as a revision of its own, so that theirs stays in the
    /// history as they made it; a field both changed keeps mine and is listed as a conflict.
    /// Never overwrites a change the caller had not seen. `result` says what was recorded.
    Status update(const Story &base, const Story &mine, const ChangeContext &context,
                  SaveResult *result, Written *written = nullptr);

    /// Sets the state directly, recorded as a state revision and an audit row, without the
    /// workflow's rules: for tools, tests and archiving by nobody. The plain one records
    /// "status-changed" by nobody.
    Status setStatus(qint64 id, StoryStatus status);
    Status setStatus(qint64 id, StoryStatus status, const ChangeContext &context,
                     Written *written = nullptr);

    /// Does `action` to the story as `actor` after Workflow::refusal(), in one transaction: the
    /// new state, a state revision, the audit row, the comment (if any) and, for Approve, the
    /// approval. Reads the story once and hashes it once.
    Result<WorkflowResult> perform(qint64 storyId, WorkflowAction action, const Person &actor,
                                   const QString &comment);

    /// Submits and approves the story in one step, as `actor` (a reviewer who fixed a typo in
    /// an approved story): two transitions, each with its state revision, audit row and change
    /// log row, in one transaction. Refused per Workflow::submitAndApproveRefusal() (the
    /// library's four-eyes rule forbids it). Returns what the approval recorded.
    Result<WorkflowResult> submitAndApprove(qint64 storyId, const Person &actor,
                                            const QString &comment);

    /// Makes revision `number`'s content (every field but the state) the story's content again,
    /// as a new revision. Like any edit, this moves an approved story to Draft.
    Result<Revision> restore(qint64 storyId, int number, const Person &actor);

    /// Moves the story to the Trash or back, with an audit row. With a known person
    /// Workflow::trashRefusal() is asked first.
    Status setTrashed(qint64 storyId, bool trashed, const Person &actor);
    /// Deletes every story in the Trash for good, with an audit row and a change log row each
    /// (Workflow::deleteRefusal() first). Returns how many, or why not.
    Result<int> purgeTrash(const Person &actor);

    /// Records a step of a story's past — its creation (`to` unset) or a state it went through —
    /// as a revision at `context.at` with its audit row and change log row, without writing the
    /// story's row, which already holds where the steps lead. Only for a made-up past (the demo).
    Result<Revision> recordPast(Story &story, std::optional<StoryStatus> to,
                                const ChangeContext &context,
                                const QByteArray &hash = QByteArray());

private:
    /// The content write of update() once it is known to change something: baseline, row,
    /// approval lost, revision and change log; `w` gets what it recorded.
    Status writeContent(const Story &current, Story story, const ChangeContext &context,
                        Written *w);
    Status writeStatus(const Story &before, StoryStatus to, const ChangeContext &context,
                       const QByteArray &hash, Written *written);
    Status log(const Story &story, ChangeKind kind, const Person &actor, ChangedFields fields,
               const std::optional<Revision> &revision, qint64 *sequence,
               std::optional<StoryStatus> from = std::nullopt,
               std::optional<StoryStatus> to = std::nullopt);

    Database &mDb;
};

} // namespace fo
