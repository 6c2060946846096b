#pragma once

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

    std::optional<Story> get(qint64 id, QString *error = nullptr) const;
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
    bool save(const Story &story, QString *error);
    /// Writes `mine`, the editor's change to `base` (the story as it last read or wrote it),
    /// merging it with whatever someone else saved meanwhile (StoryWriter::update with a
    /// base): nothing they saved is overwritten. `result` says what was recorded.
    bool save(const Story &base, const Story &mine, SaveResult *result, QString *error);
    /// The same for changes kept in a recovery journal after a save failed: always a revision
    /// of its own, noted as recovered, so that the version before stays in the history.
    bool recover(const Story &base, const Story &mine, SaveResult *result, QString *error);
    /// A new, empty draft (in `officeName`'s office when given).
    std::optional<Story> createBlank(const QString &officeName, QString *error);
    /// A new draft with the content and tags of story `id`, headline marked as a copy.
    std::optional<Story> duplicate(qint64 id, QString *error);
    bool archive(qint64 id, QString *error);

    bool moveToTrash(qint64 id, QString *error);
    bool restoreFromTrash(qint64 id, QString *error);
    /// Deletes every story in the Trash for good, in one transaction, with an audit row each.
    /// Returns how many, or -1 and sets `error`.
    int emptyTrash(QString *error);
    int trashCount() const;
    bool trashHasStories() const;

private:
    /// Sets `error` to the words of writeRefusal() and returns false when there is one.
    bool mayWrite(QString *error) const;
    bool setTrashed(qint64 id, bool trashed, QString *error);
    bool create(Story &story, QString *error);

    Database &mDb;
    Person mActor;
};

} // namespace fo
