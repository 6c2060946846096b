#pragma once

#include "base/refusal.h"
#include "domain/person.h"
#include "domain/story.h"

#include <QDateTime>
#include <QFlags>
#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// The fields of a story a change can touch, as the change log and the messages name them.
enum class ChangedField
{
    Headline = 0x001,
    Dateline = 0x002,
    Office = 0x004,
    Byline = 0x008,
    Summary = 0x010,
    Language = 0x020,
    Embargo = 0x040,
    Tags = 0x080,
    Body = 0x100,
};
Q_DECLARE_FLAGS(ChangedFields, ChangedField)
Q_DECLARE_OPERATORS_FOR_FLAGS(ChangedFields)

/// The fields in which `before` and `after` differ (the state is not a field).
ChangedFields fieldsChanged(const Story &before, const Story &after);
/// "headline, tags, body", in the order a story shows them; "nothing" when empty.
QString fieldsText(ChangedFields fields);

/// What one change did to a story. Keys ("status-changed") are stored in the library.
enum class ChangeKind
{
    Created,       // a new story: window, duplicate, command line, demo
    Imported,      // created from an imported file
    Edited,        // content written (window save, command line edit)
    Merged,        // content written and merged with a change made meanwhile by someone else
    Recovered,     // unsaved changes written back from a recovery journal
    StatusChanged, // a workflow transition (from → to)
    Restored,      // an older revision's content made current again
    Trashed,       // moved to the Trash
    Untrashed,     // restored from the Trash
    Purged,        // deleted for good when the Trash was emptied
    History,       // a past step recorded without changing the row (the demo's invented past)
};

QString changeKindKey(ChangeKind kind);
std::optional<ChangeKind> parseChangeKind(const QString &key);

/// One row of the change log.
struct Change
{
    qint64 sequence = 0; // increases with every change, never reused
    qint64 storyId = 0;
    QString storyUuid;
    ChangeKind kind = ChangeKind::Edited;
    std::optional<StoryStatus> from; // StatusChanged (and History steps) only
    std::optional<StoryStatus> to;
    ChangedFields fields;
    qint64 personId = 0; // 0: nobody was named (import without a person, tools)
    QString personName;
    int revision = 0; // the revision the change recorded or extended; 0 when none
    QDateTime at;     // UTC, milliseconds
};

/// The change log: one row for every change made to a story, appended by StoryWriter in the
/// transaction of the change, and read by whoever must see every change in order (the coming
/// team sync, safeguarding checks). Append-only: the library refuses updates and deletes.
/// A library upgraded from before the log (schema version 4) starts with an empty log; its
/// earlier changes are in the revisions and the audit trail.
class ChangeLog
{
public:
    explicit ChangeLog(Database &db) : mDb(db) {}

    /// Appends `change` at Clock::now() (unless `change.at` is set) and sets its sequence.
    Status append(Change &change);
    /// The changes after sequence `sequence`, oldest first, at most `limit` of them. A
    /// read-only library older than the log has none.
    Result<QVector<Change>> since(qint64 sequence, int limit = 1000) const;
    /// The newest sequence number; 0 when the log is empty.
    qint64 lastSequence() const;

private:
    Database &mDb;
};

} // namespace fo
