#pragma once

#include "base/refusal.h"

#include <QString>
#include <QVector>

namespace fo {

class Database;

/// A story in the Trash, as the Trash needs it.
struct TrashedStory
{
    qint64 id = 0;
    QString headline;
    QString uuid;
};

/// The Trash: stories moved there (stories.deleted_at set, see StoryRepository::setDeleted) and
/// deleting them for good. A story leaves the library only here.
class TrashRepository
{
public:
    explicit TrashRepository(Database &db) : mDb(db) {}

    /// How many stories are in the Trash, or why it cannot be read. Reads every story's row:
    /// for confirmations, not for every redraw.
    Result<int> count() const;
    /// True when the Trash holds a story (stops at the first one).
    bool hasStories() const;
    bool contains(qint64 storyId) const;
    /// Every story in the Trash, oldest deletion first. The Trash is emptied whole, so this is
    /// read whole; it holds what people deleted, not the library.
    Result<QVector<TrashedStory>> all() const;
    /// Deletes every story in the Trash with its tags links, revisions, approvals and comments
    /// (foreign keys cascade; the search index follows by trigger). Call inside a transaction.
    /// Returns the number deleted, or CannotEmptyTrash.
    Result<int> deleteAll();

private:
    Database &mDb;
};

} // namespace fo
