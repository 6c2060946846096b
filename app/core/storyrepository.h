#pragma once

#include "story.h"

#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// Stories: create, read, update, list and search. Filtering, sorting and search happen in SQL,
/// a page at a time, so that a list of 100,000 stories is never read whole.
class StoryRepository
{
public:
    explicit StoryRepository(Database &db) : mDb(db) {}

    /// Inserts the story: assigns id, UUID (unless set) and times (unless set), finds or creates
    /// its office (from officeName) and tags. Atomic. Returns false and sets `error` on failure.
    bool create(Story &story, QString *error);
    /// Writes every field and the tags. A story that did not change is not touched (its updated
    /// time stays). Atomic.
    bool update(const Story &story, QString *error);
    bool setStatus(qint64 id, StoryStatus status, QString *error);
    /// Moves to the Trash (soft delete) or back.
    bool setDeleted(qint64 id, bool deleted, QString *error);

    std::optional<Story> get(qint64 id, QString *error = nullptr) const;
    std::optional<Story> getByUuid(const QString &uuid) const;

    /// One page of the list, newest first (search: best match first).
    QVector<StoryRow> list(const StoryFilter &filter, int offset, int limit, bool withTags,
                           QString *error = nullptr) const;
    int count(const StoryFilter &filter, QString *error = nullptr) const;

private:
    Database &mDb;
};

} // namespace fo
