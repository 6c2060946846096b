#pragma once

#include "base/refusal.h"
#include "domain/story.h"

#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// The rows of stories: insert, read, write, list and search. Filtering, sorting and search happen
/// in SQL, a page at a time, so that a list of 100,000 stories is never read whole.
class StoryRepository
{
public:
    explicit StoryRepository(Database &db) : mDb(db) {}

    /// Rows only: the rules of a change (refusal, history, approval, audit, change log) are
    /// StoryWriter's, which is the one caller of the writing methods below.

    /// Inserts the row: assigns id, UUID (unless set) and times (unless set), finds or creates
    /// its office (from officeName) and writes its tags. Call inside a transaction.
    Status insert(Story &story);
    /// Writes every field but the state and the creation time, `updatedAt` included, and the
    /// tags (`story.tags`, in stored form).
    Status writeContent(const Story &story);
    /// Writes the state and the update time.
    Status writeStatus(qint64 id, StoryStatus status, const QDateTime &at);
    /// Moves to the Trash (soft delete) or back.
    Status setDeleted(qint64 id, bool deleted);

    /// The story, or StoryNotFound (QueryFailed when the library cannot be read).
    Result<Story> get(qint64 id) const;
    std::optional<Story> getByUuid(const QString &uuid) const;

    /// One page of the list, newest first (search: best match first).
    Result<QVector<StoryRow>> list(const StoryFilter &filter, int offset, int limit,
                                   bool withTags) const;
    Result<int> count(const StoryFilter &filter) const;

private:
    Database &mDb;
};

} // namespace fo
