#pragma once

#include "domain/story.h"
#include "history/storyhistory.h"
#include "domain/storymerge.h"

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
    /// The same, recorded as revision 1 ("created") by `actor`, with an audit row.
    bool create(Story &story, const Person &actor, QString *error);
    /// Writes every field but the state, and the tags. A story that did not change is not
    /// touched (its updated time stays). Atomic, and recorded in one go (StoryHistory): the
    /// change becomes a revision (an editing session of one person is one revision), and when
    /// exported content (contenthash.h) of an Approved or Released story changes, the story
    /// moves to Draft and shows "changed since approval".
    /// `story.status` is ignored: the state changes only through setStatus (Workflow), so that
    /// an editor saving a stale copy can never undo a review. Without a person the change is
    /// recorded for nobody; with one, Workflow::editRefusal() is asked first.
    bool update(const Story &story, QString *error);
    bool update(const Story &story, const Person &actor, QString *error);
    bool update(const Story &story, const ChangeContext &context, QString *error);
    /// Writes `mine`, a change made to `base` (the story as the caller last read or wrote it).
    /// While the library still holds base's content this is update(mine). When someone else
    /// changed the story meanwhile, both changes are merged field by field (mergeStory) in the
    /// same transaction and written as a revision of its own, so that theirs stays in the
    /// history as they made it; a field both changed keeps mine and is listed as a conflict.
    /// Never overwrites a change the caller had not seen. `result` says what was recorded.
    bool update(const Story &base, const Story &mine, const ChangeContext &context,
                SaveResult *result, QString *error);
    /// Sets the state directly, recorded as a state revision and an audit row. The workflow
    /// (Workflow::perform) checks roles and transitions and then calls the context overload;
    /// the plain one is for tools and tests and records "status-changed" by nobody.
    bool setStatus(qint64 id, StoryStatus status, QString *error);
    bool setStatus(qint64 id, StoryStatus status, const ChangeContext &context, QString *error);
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
