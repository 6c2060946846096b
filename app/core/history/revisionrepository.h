#pragma once

#include "domain/person.h"
#include "domain/story.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// Why a revision exists.
enum class RevisionKind
{
    Created,  // the story was created by a person
    Baseline, // the story as it was when its history began (older libraries, imports)
    Edit,     // an editing session: edits by one person within kEditSessionMinutes
    State,    // a state change (submit, approve, …): the exact version at that moment
    Restore,  // an older revision's content, restored as a new revision
};

QString revisionKindKey(RevisionKind kind);
std::optional<RevisionKind> parseRevisionKind(const QString &key);

/// One kept version of a story: a snapshot of every field and its tags.
struct Revision
{
    qint64 id = 0;
    qint64 storyId = 0;
    int number = 0; // 1, 2, 3 … per story; what users type ("fieldoffice diff 7 2 5")
    RevisionKind kind = RevisionKind::Edit;
    StoryStatus status = StoryStatus::Draft; // the story's state in this version
    qint64 personId = 0;
    QString personName; // as it was at the time
    QDateTime createdAt;
    QDateTime updatedAt; // later than createdAt when an editing session went on
    QByteArray contentHash;
    QString note;
    Story story; // the snapshot (filled when asked for)
};

/// The JSON snapshot of a story kept in a revision (every field, tags included).
QJsonObject storySnapshot(const Story &story);
Story storyFromSnapshot(const QJsonObject &snapshot);

/// The revisions of stories. Writes are made by StoryWriter (through StoryHistory);
/// readers list, fetch and compare them.
class RevisionRepository
{
public:
    /// Edits by the same person within this many minutes of the session's first edit are one
    /// revision.
    static constexpr int kEditSessionMinutes = 10;

    explicit RevisionRepository(Database &db) : mDb(db) {}

    /// Records `story` (as stored now) at `at` (invalid: Clock::now()). An Edit coalesces into
    /// the latest revision when that is an Edit by the same person, in the same state, started
    /// less than kEditSessionMinutes ago: it is then updated in place and `*coalesced` is set.
    /// (A change of state, such as an approval lost, therefore always starts a new revision.)
    /// `mayCoalesce` false always starts a new one. `hash`: contentHash(story) when the caller
    /// has it already (empty: computed here). Returns the revision as written (its snapshot is
    /// `story`; nothing is read back), or why not (CannotSaveRevision, QueryFailed).
    Result<Revision> record(const Story &story, RevisionKind kind, const Person &actor,
                            const QString &note, bool *coalesced = nullptr,
                            const QDateTime &at = QDateTime(), bool mayCoalesce = true,
                            const QByteArray &hash = QByteArray());
    /// When the story has no revision yet, records how it is now as revision 1 (Baseline, by
    /// nobody, at its last update time), so that the first change can be compared with it.
    Status ensureBaseline(const Story &story);

    /// Newest first. Snapshots are parsed only when asked for.
    Result<QVector<Revision>> forStory(qint64 storyId, bool withSnapshots = false) const;
    /// The revision, or RevisionNotFound (QueryFailed when the library cannot be read).
    Result<Revision> get(qint64 storyId, int number) const;
    /// The revision, or RevisionIdNotFound (QueryFailed when the library cannot be read).
    Result<Revision> byId(qint64 revisionId) const;
    /// The story's latest revision; nullopt when it has none or the library cannot be read.
    std::optional<Revision> latest(qint64 storyId) const;

private:
    /// The first row of the query (nullopt: none), or why it could not be read.
    Result<std::optional<Revision>> fetch(const QString &where, const QVariantList &values,
                                          bool withSnapshot) const;

    Database &mDb;
};

} // namespace fo
