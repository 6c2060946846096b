#pragma once

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
    bool insert(Story &story, QString *error);
    /// Writes every field but the state and the creation time, `updatedAt` included, and the
    /// tags (`story.tags`, in stored form).
    bool writeContent(const Story &story, QString *error);
    /// Writes the state and the update time.
    bool writeStatus(qint64 id, StoryStatus status, const QDateTime &at, QString *error);
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
