#pragma once

#include "base/refusal.h"
#include "domain/person.h"
#include "domain/story.h"
#include "domain/storymerge.h"

#include <QString>

#include <optional>

namespace fo {

class Database;

/// What the editor window does to whole stories — new, duplicate, save, archive, Trash — done as
/// one person, so that every change lands in the history and the audit trail in the same
/// transaction as the change itself.
///
/// With a known person the workflow's rules apply (Workflow). Without one nothing is written:
/// the window never records a change for nobody (issue 12 item 1); every write is refused
/// with NoPersonChosen's words and editRefusal() says to choose a person. Every change goes
/// through StoryWriter.
class StoryService
{
public:
    explicit StoryService(Database &db, const Person &actor = Person()) : mDb(db), mActor(actor) {}

    Result<Story> get(qint64 id) const;
    bool isInTrash(qint64 id) const;
    /// Empty when the person may change this story here; otherwise one sentence why not.
    QString editRefusal(const Story &story) const;
    /// None when this person may create stories here (writeRefusal(), then
    /// Workflow::createRefusal()); the typed reason otherwise.
    std::optional<Refusal> createRefusal() const;
    /// None when there is a person to record a change for (and the library is writable is
    /// not asked here); NoPersonChosen otherwise.
    std::optional<Refusal> writeRefusal() const;
    /// "Draft — changed since approval": the state as people read it.
    QString statusText(const Story &story) const;

    /// Writes the story's content (StoryWriter::update): a no-op when nothing changed.
    Status save(const Story &story);
    /// Writes `mine`, the editor's change to `base` (the story as it last read or wrote it),
    /// merging it with whatever someone else saved meanwhile (StoryWriter::update with a
    /// base): nothing they saved is overwritten. `result` says what was recorded.
    Status save(const Story &base, const Story &mine, SaveResult *result);
    /// The same for changes kept in a recovery journal after a save failed: always a revision
    /// of its own, noted as recovered, so that the version before stays in the history.
    Status recover(const Story &base, const Story &mine, SaveResult *result);
    /// A new, empty draft (in `officeName`'s office when given).
    Result<Story> createBlank(const QString &officeName);
    /// A new draft with the content and tags of story `id`, headline marked as a copy.
    Result<Story> duplicate(qint64 id);
    Status archive(qint64 id);

    Status moveToTrash(qint64 id);
    Status restoreFromTrash(qint64 id);
    /// Deletes every story in the Trash for good, in one transaction, with an audit row each.
    /// Returns how many, or why not.
    Result<int> emptyTrash();
    int trashCount() const;
    bool trashHasStories() const;

private:
    /// writeRefusal() as a Status: NoPersonChosen when there is nobody to record a change for.
    Status mayWrite() const;
    Status setTrashed(qint64 id, bool trashed);
    Status create(Story &story);

    Database &mDb;
    Person mActor;
};

} // namespace fo
