#pragma once

#include "domain/story.h"

#include <QKeySequence>
#include <QObject>

class QAction;
class QWidget;

namespace fo {

class Database;
class Session;

/// New, Duplicate, Archive, Move to Trash, Restore from Trash and Empty Trash: the actions on
/// whole stories, with their confirmations, done through StoryService as the session's person.
///
/// Before any of them changes the library, the session flushes the open story, so that
/// nothing typed is lost to a story that moves away. Archive and Restore report the state
/// change to the session (Session::reportStateChanged). Move to Trash uses the
/// Delete key; that shortcut only works where the action is added as well as to a menu (the
/// story list), so that Delete in the text deletes text.
class StoryActions : public QObject
{
    Q_OBJECT

public:
    StoryActions(Session &session, QWidget *window);
    /// New stories go to this office (the office filter, so that they show in the list).
    void setDefaultOffice(const QString &office);
    /// The story the actions apply to (0: none).
    void setCurrentStory(const Story &story, bool inTrash);
    /// Enables what can be done now (after the library changed). Looks at the Trash again only
    /// when asked: that is a query, and this runs at every story opened.
    void updateEnabled(bool checkTrash = false);

    QAction *newAction() const { return mNew; }
    QAction *duplicateAction() const { return mDuplicate; }
    QAction *archiveAction() const { return mArchive; }
    QAction *trashAction() const { return mTrash; }
    QAction *restoreAction() const { return mRestore; }
    QAction *emptyTrashAction() const { return mEmptyTrash; }

signals:
    void storyCreated(qint64 id);
    void storyTrashed(qint64 id);
    void trashEmptied(int count);
    /// An action was refused or failed; one sentence for the user.
    void failed(const QString &message);

private:
    QAction *makeAction(const QString &text, const QString &objectName,
                        const QKeySequence &shortcut = QKeySequence());
    /// Enables `action` when it is `available` and the person may (`refusal` empty).
    void setAllowed(QAction *action, bool available, const QString &refusal);
    void newStory();
    void duplicate();
    void archive();
    void moveToTrash();
    void restore();
    void emptyTrash();
    bool confirm(const QString &title, const QString &text, const QString &informative,
                 const QString &acceptText);

    Session &mSession;
    Database &mDb;
    QWidget *mWindow;
    QString mDefaultOffice;
    qint64 mStoryId = 0;
    QString mHeadline;
    StoryStatus mStatus = StoryStatus::Draft;
    bool mInTrash = false;
    bool mTrashHasStories = false;
    QAction *mNew = nullptr;
    QAction *mDuplicate = nullptr;
    QAction *mArchive = nullptr;
    QAction *mTrash = nullptr;
    QAction *mRestore = nullptr;
    QAction *mEmptyTrash = nullptr;
};

} // namespace fo
