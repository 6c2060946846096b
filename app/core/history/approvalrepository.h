#pragma once

#include "base/refusal.h"

#include "domain/person.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;
struct Revision;

/// A reviewer's approval of one exact version of a story: the revision they approved and the
/// content hash (contenthash.h) of what it exports. Approvals are never changed; a later change
/// to the story makes the latest approval stale instead (Workflow::approvalState).
struct Approval
{
    qint64 id = 0;
    qint64 storyId = 0;
    qint64 revisionId = 0;
    int revisionNumber = 0;
    qint64 personId = 0;
    QString personName;
    QDateTime approvedAt;   // UTC
    QByteArray contentHash; // 64 hex digits

    // What the library says about the approved revision and the approver, so that the gate
    // can tell a real approval from a row that merely carries a hash (Workflow::approvalState).
    bool revisionFound = false;      // the revision exists
    qint64 revisionStoryId = 0;      // the story it belongs to
    QString revisionKind;            // "state" for an approval's own revision
    QString revisionStatus;          // "approved"
    qint64 revisionPersonId = 0;     // who recorded it: the approver
    QByteArray revisionHash;         // the content hash stored with the revision
    bool approverIsReviewer = false; // the approving person has the reviewer role
};

/// Stores approvals. Workflow decides when one may be given.
class ApprovalRepository
{
public:
    explicit ApprovalRepository(Database &db) : mDb(db) {}

    /// Records `reviewer`'s approval of `revision` (its content hash), at the revision's time.
    Result<Approval> add(const Revision &revision, const Person &reviewer);
    /// The story's most recent approval, or nullopt when it was never approved (or the library
    /// cannot be read).
    std::optional<Approval> latest(qint64 storyId) const;
    /// Newest first.
    Result<QVector<Approval>> forStory(qint64 storyId) const;

private:
    Database &mDb;
};

} // namespace fo
