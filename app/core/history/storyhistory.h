#pragma once

#include "domain/person.h"
#include "history/changelog.h"
#include "history/revisionrepository.h"
#include "library/auditlog.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fo {

class Database;
struct Story;

/// Who makes a change to a story, and how its history and the audit trail name it.
struct ChangeContext
{
    Person actor; // nobody (id 0): import, the demo, callers that do not say
    /// StoryWriter::update: Edited or Restored. StoryWriter::setStatus/perform: the workflow
    /// action (Submitted, Approved, …), or StatusChanged for a state set directly.
    AuditAction action = AuditAction::Edited;
    QString note; // the revision's note and the audit detail ("restored from revision 3")
    /// When the revision happened; invalid: now. Only for recording a known past (the demo's
    /// history); the audit row is always stamped with the time it is written.
    QDateTime at;
    /// The change was merged with someone else's made meanwhile (a save with a base): it starts
    /// a revision of its own, so that theirs stays in the history as they wrote it.
    bool separateRevision = false;
    /// How the change log names the change when the writer cannot tell by itself (an import,
    /// a recovery); unset: from what the change did.
    std::optional<ChangeKind> change;
};

/// Keeps a story's revisions, the audit trail and comment anchors in step with a change that
/// StoryWriter has just written, inside the same transaction. Called by StoryWriter only (and
/// the demo, through it): the caller has made sure the story's history has begun
/// (RevisionRepository::ensureBaseline), once.
class StoryHistory
{
public:
    explicit StoryHistory(Database &db) : mDb(db) {}

    /// Revision 1 ("created") at the story's creation time, and the audit row.
    Result<Revision> recordCreated(const Story &stored, const Person &actor);
    /// `before` and `after` as stored. `approvalLost`: the edit moved an approved story to Draft.
    /// `*coalesced`: the edit extended the latest revision (an editing session).
    Result<Revision> recordEdit(const Story &before, const Story &after,
                                const ChangeContext &context, bool approvalLost,
                                bool *coalesced = nullptr);
    Result<Revision> recordStateChange(const Story &before, const Story &after,
                                       const ChangeContext &context,
                                       const QByteArray &hash = QByteArray());

private:
    Database &mDb;
};

} // namespace fo
