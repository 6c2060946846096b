#pragma once

#include "base/refusal.h"
#include "domain/person.h"

#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// What an audit row records. Keys ("approved") are stored and shown on the command line.
enum class AuditAction
{
    Created,          // a story was created (import, demo, new story)
    Edited,           // an edit started a new revision (an editing session is one row)
    StatusChanged,    // a state change made outside the workflow actions (older callers)
    Submitted,        // Draft / Changes requested → In review
    ChangesRequested, // In review → Changes requested, with the reviewer's comment
    Approved,         // In review → Approved, with the revision and content hash
    ApprovalLost,     // Approved / Released → Draft because exported content changed
    Released,         // Approved → Released
    Archived,
    Reopened,  // Archived → Draft
    Restored,  // an older revision's content became a new revision
    Trashed,   // moved to the Trash
    Untrashed, // taken back out of the Trash
    Exported,  // a story went into an export or a press packet
    CommentAdded,
    CommentResolved,
    CommentReopened,
    PersonAdded,
    PersonChanged, // roles, name or active state changed
    Deleted,       // deleted for good when the Trash was emptied
};

QString auditActionKey(AuditAction action);
std::optional<AuditAction> parseAuditAction(const QString &key);
QVector<AuditAction> allAuditActions();

/// One row of the audit trail.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    AuditAction action = AuditAction::Edited;
    qint64 storyId = 0;  // 0: not about one story (people, a whole packet)
    qint64 personId = 0; // 0: nobody (import, demo)
    QString personName;  // as it was at the time
    int revision = 0;    // the story's revision number, 0 when none
    QString detail;      // "draft → in-review", the comment, the export file, the hash
};

/// Which rows a list shows. Empty fields do not filter; the time range is [from, to).
struct AuditFilter
{
    qint64 storyId = 0;
    qint64 personId = 0;
    QVector<AuditAction> actions;
    QDateTime from;
    QDateTime to;
};

/// The append-only audit trail. The library refuses to change or delete a row (triggers), so
/// once recorded, an entry stays; on a local file that is a guard against mistakes, not against
/// someone who edits the file with other tools.
class AuditLog
{
public:
    explicit AuditLog(Database &db) : mDb(db) {}

    /// Appends a row at Clock::now(). Call it inside the transaction of the change it records,
    /// so that both are saved or neither. Refused with AuditRecordFailed.
    Status append(AuditAction action, qint64 storyId, const Person &actor, const QString &detail,
                  int revision = 0);

    /// Newest first.
    Result<QVector<AuditEntry>> list(const AuditFilter &filter, int offset = 0,
                                     int limit = 1000) const;
    Result<int> count(const AuditFilter &filter) const;

private:
    Database &mDb;
};

} // namespace fo
