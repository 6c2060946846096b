#pragma once

#include "domain/person.h"

#include <QObject>

namespace fo {

class Database;

/// What holds the open story's changes that have not reached the library yet: the editor.
/// The session asks it to write them before anything else reads or changes the library.
class PendingEdits
{
public:
    virtual ~PendingEdits() = default;
    /// Writes the pending changes now. False, with the reason, when the library refused them:
    /// they stay where they are (and in the recovery journal).
    virtual bool writePendingEdits(QString *error) = 0;
};

/// The window's working state, one per main window: the person every action is recorded for
/// (whose roles gate what the window offers), the story open in the editor, and the flush of
/// its pending edits. Panels, dialogs and actions take a reference and ask it; none of them
/// is handed the person or a save function by other roads.
///
/// It is also the one refresh path: whoever changes a story's state (an approval, a release,
/// a restore, Archive, the Trash) reports it here once, and what shows that state follows
/// storyStateChanged() once.
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(Database &db, QObject *parent = nullptr);

    Database &database() const { return mDb; }
    /// The current person; Person() (id 0, no roles) before anyone was picked.
    const Person &person() const { return mPerson; }
    bool hasPerson() const { return mPerson.isKnown(); }
    bool can(Role role) const { return mPerson.isKnown() && mPerson.has(role); }
    /// Makes `person` the current one. What was typed so far is written first, as the person
    /// who typed it (a failure is reported, and the person changes all the same).
    void setPerson(const Person &person);

    /// The story open in the editor; 0 when none is.
    qint64 openStory() const { return mOpenStory; }
    /// The editor opened story `id` (0: closed it).
    void setOpenStory(qint64 id);

    /// Where the open story's pending edits are (the editor); null for none.
    void setPendingEdits(PendingEdits *edits) { mEdits = edits; }
    /// Writes the open story's pending edits before an action reads or changes the library.
    /// When that fails it says why, once (flushFailed()), and returns false: the action must
    /// not go on.
    bool flush();
    /// The same, saying nothing: for closing and shutting down, which decide themselves what
    /// to tell (or ask) the user. `error` may be null.
    bool flushQuietly(QString *error);

    /// Story `id`'s state changed through a panel or an action: see storyStateChanged().
    void reportStateChanged(qint64 id);

Q_SIGNALS:
    void personChanged(const fo::Person &person);
    /// Another story was opened (0: none is open).
    void openStoryChanged(qint64 id);
    /// A flush failed; `message` is one sentence for the user.
    void flushFailed(const QString &message);
    /// Story `id`'s state (and what came with it: a comment, a revision) changed: whatever
    /// shows it reads it again, once. The editor keeps its text and its undo history.
    void storyStateChanged(qint64 id);

private:
    Database &mDb;
    Person mPerson;
    qint64 mOpenStory = 0;
    PendingEdits *mEdits = nullptr;
};

} // namespace fo
