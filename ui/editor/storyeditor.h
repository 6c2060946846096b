#pragma once

#include "common/session.h"
#include "domain/story.h"
#include "domain/storymerge.h"
#include "library/officerepository.h"
#include "library/tagrepository.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QToolBar;
class QUndoGroup;
class QUndoStack;

namespace fo {

class ApprovedEditGuard;
class Autosaver;
class BodyEditor;
class Database;
class ErrorStrip;
class FindBar;
class FormatActions;
class MergeBanner;
class MetadataForm;
class PreviewFitter;
class PreviewPane;
class RecoveryJournal;
class SpellCheck;
class StoryDraft;

/// The editor of one story: the metadata form, the WYSIWYG text with its format toolbar, and
/// the live preview beside them.
///
/// SAVING. There is no Save: every change reaches the library through an Autosaver, at most
/// 0.5 s after typing pauses and 1 s after the first unsaved change. A save converts the text
/// to Markdown and writes one story (StoryService::save) on this thread, short enough for
/// typing not to notice (fieldoffice-bench: "autosave while typing in that story"). A failed
/// save keeps everything in the editor, says why,
/// tries again, and keeps the changes in a recovery journal (recoveryjournal.h) until a save
/// works, so that a kill or a crash cannot take them.
///
/// NEVER OVERWRITE. A save states its base, the story as last read or written here. When
/// another program (the command line, a second window) changed the story meanwhile, the
/// library merges both field by field (storymerge.h): the editor then shows the merged story
/// and says what happened in a banner; a field both changed keeps what was typed here, the
/// other version stays in the history, and the banner offers Use Theirs and Show History.
///
/// NO PHANTOM EDITS. Opening a story writes nothing, ever. A save compares what the editor
/// holds with what was read (or last written) and calls the library only when something
/// differs; while the text's document is unmodified (never edited, or undone back to where it
/// was opened) its Markdown is the stored Markdown itself, byte for byte, not a conversion.
///
/// LAZY PAGE. Until the first story opens, the editor is a hint and its actions; the form, the
/// text and the preview are made then (pageBuilt()), not before the window's first frame.
///
/// UNDO. Each open story has one QUndoStack (in a QUndoGroup whose actions the window shows)
/// for the form and the text, whose commands act on the story's draft (storydraft.h), not on
/// widgets: each step of the text's own QTextDocument history is mirrored as a command that
/// undoes that step, and each field change is a command. The undo keys in any field of the
/// editor go to this stack. A change of the story's state (an approval, a release) keeps it:
/// the editor shows the new state without opening the story again (followStoryState()).
///
/// The editor is the session's PendingEdits: whatever is about to read or change the library
/// asks the session to flush, and the session asks the editor to save. The person edits are
/// recorded for is the session's.
class StoryEditor : public QWidget, public PendingEdits
{
    Q_OBJECT

public:
    /// The preview follows typing this long after it stops.
    static constexpr int kPreviewDelayMs = 250;

    /// Below this width the preview breaks words by syllable: it hides itself instead, and
    /// shows again when there is room (issue 12 item 13).
    static constexpr int kPreviewMinimumWidth = 280;

    explicit StoryEditor(Session &session, QWidget *parent = nullptr);
    ~StoryEditor() override;

    /// The open story's id; 0 when none is open.
    qint64 storyId() const;
    /// The open story as last read from or written to the library.
    const Story &storedStory() const { return mStored; }
    /// The open story with the editor's changes.
    Story currentStory() const;
    bool isReadOnly() const { return mReadOnly; }
    bool isInTrash() const { return mTrashed; }
    /// Changes that have not reached the library yet.
    bool hasUnsavedChanges() const;

    /// Opens story `id`, dropping whatever is open: save() first.
    bool openStory(qint64 id, QString *error);
    /// Reads the open story again (its content changed elsewhere), keeping the cursor; the
    /// undo history starts afresh.
    void reload();
    /// The open story's state changed (an approval, a release, Archive, the Trash, another
    /// person): shows the state, the status line and whether it may be edited, keeping the
    /// text, the cursor and the undo history. Only when its content changed too (a restored
    /// revision) and nothing here is unsaved is it read again as a whole (reload()).
    void followStoryState();
    /// Reloads the open story if another program changed it and nothing here is unsaved;
    /// otherwise keeps it as it is, undo history included.
    void reloadIfChanged();
    void closeStory();
    /// Writes pending changes now (before switching stories or closing). When that fails,
    /// they stay here and in the recovery journal.
    bool save(QString *error = nullptr);
    /// PendingEdits: save().
    bool writePendingEdits(QString *error) override { return save(error); }
    /// Closes the story and forgets its unsaved changes, the journal's copy too (the user chose
    /// to close without saving).
    void discardAndClose();

    void setOffices(const QVector<Office> &offices);
    void setTagChoices(const QVector<Tag> &tags);

    void focusHeadline();
    void setPreviewVisible(bool visible);
    bool isPreviewVisible() const;
    QByteArray splitterState() const;
    void restoreSplitterState(const QByteArray &state);

    QAction *undoAction() const { return mUndoAction; }
    QAction *redoAction() const { return mRedoAction; }
    FormatActions *formatActions() const { return mFormat; }
    /// Find in Story (Ctrl+F), Replace in Story, Find Next (F3), Find Previous (Shift+F3).
    QList<QAction *> findActions() const;
    /// File › Print… (Ctrl+P): the open story as it exports (storyprinter.h).
    QAction *printAction() const { return mPrintAction; }
    /// Shows the find bar (with the replace row when `replace`); with no story open, asks for
    /// the library's search instead (librarySearchRequested()).
    void showFindBar(bool replace);
    /// Null until the page is made.
    FindBar *findBar() const;
    /// The library's search (what the list is filtered by): its words are marked in the text of
    /// each story opened while it stands, until the text is edited. Empty: no marks.
    void setSearchHighlight(const QString &search, bool prefixLastWord);
    /// Prints the open story through the print dialog.
    void print();
    /// The story as edited (fields and text), and its undo history: what the page shows.
    StoryDraft *draft() const { return mDraft; }
    QUndoStack *undoStack() const { return mUndoStack; }
    /// The text, the preview and the form's first field: null until the page is made.
    BodyEditor *bodyEditor() const { return mBody; }
    PreviewPane *previewPane() const { return mPreview; }
    QWidget *firstField() const;
    /// Spelling as you type (Edit ▸ Check Spelling); null until the page is made.
    SpellCheck *spellCheck() const { return mSpell; }
    void setSpellCheckEnabled(bool enabled);
    /// Warns before the first change to an approved story: null until the page is made.
    ApprovedEditGuard *approvedEditGuard() const { return mGuard; }
    /// Makes the form, the text and the preview now if they were not yet.
    void ensurePage();

    /// "Saved 14:03:12", "Saving…", "Not saved: …"; empty when there is nothing to say.
    QString saveStatusText() const;
    bool saveFailed() const;

signals:
    /// The open story was written to the library; `story` is as stored now.
    void storySaved(const fo::Story &story);
    /// A save gave the story another office or other tags, which may be new to the library.
    void officesOrTagsChanged();
    void saveStatusChanged();
    void modifiedChanged(bool modified);
    void statisticsChanged(int words, int readingMinutes);
    /// A story was opened (0: closed).
    void storyChanged(qint64 id);
    /// The form, the text and the preview exist now (ensurePage()).
    void pageBuilt();
    /// The merge banner's Show History was clicked.
    void historyRequested();
    /// Find was asked for with no story open: the library's search should take it.
    void librarySearchRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void buildWidgets();
    QWidget *buildEditorColumn();
    void connectEditing();
    void connectPage();
    void markChanged();
    bool write(QString *error);
    const Person &actor() const { return mSession.person(); }
    /// Shows `story`'s state (as read just now) without touching what is being edited.
    void showState(const Story &story, bool inTrash, const QString &editRefusal);
    void applyReadOnly(const QString &reason);
    void updateBanner();
    void updateStatusLine();
    void updatePreviewAndStatistics();
    void updateStatistics();
    void onSaveStateChanged();
    // storyeditormerge.cpp: what a save merged with another program's change.
    void showMerge(const Story &mine, const SaveResult &result);
    QString mergeMessage(const SaveResult &result) const;
    void showFields(const Story &story, const QVector<StoryField> &fields);
    void showBody(const QString &markdown);
    void useTheirs();
    void writeJournal();
    // storyeditorfind.cpp: the find bar, the search's words in the text, printing.
    void buildFindActions();
    void connectFindBar();
    void showSearchHighlight(bool scrollToFirst);
    /// After a story opened or closed: the actions, the find bar's and the search's marks.
    void updateFindState();

    Session &mSession;
    Database &mDb;
    StoryDraft *mDraft = nullptr;
    Story mStored;
    bool mOpen = false;
    bool mReadOnly = false;
    bool mTrashed = false;
    bool mLoading = false;
    QString mReadOnlyReason;

    QStackedWidget *mStack = nullptr;
    ErrorStrip *mBanner = nullptr;
    QSplitter *mSplitter = nullptr;
    MetadataForm *mForm = nullptr;
    QToolBar *mFormatBar = nullptr;
    BodyEditor *mBody = nullptr;
    PreviewPane *mPreview = nullptr;
    PreviewFitter *mPreviewFitter = nullptr;
    FormatActions *mFormat = nullptr;
    QUndoGroup *mUndoGroup = nullptr;
    QUndoStack *mUndoStack = nullptr;
    QAction *mUndoAction = nullptr;
    QAction *mRedoAction = nullptr;
    Autosaver *mAutosaver = nullptr;
    ApprovedEditGuard *mGuard = nullptr;
    bool mTakingBack = false; // undoing a change the person chose not to make
    bool mTakeBackPending = false;
    int mArmedIndex = 0; // the undo index when the guard was armed
    MergeBanner *mMergeBanner = nullptr;
    FindBar *mFindBar = nullptr;
    QAction *mFindAction = nullptr;
    QAction *mReplaceAction = nullptr;
    QAction *mFindNextAction = nullptr;
    QAction *mFindPreviousAction = nullptr;
    QAction *mPrintAction = nullptr;
    QString mSearchText; // the library's search, whose words are marked in the text
    bool mSearchPrefix = false;
    std::unique_ptr<RecoveryJournal> mJournal;
    bool mJournalWritten = false;
    QVector<FieldConflict> mConflicts; // of the last merge, for Use Theirs
    QTimer mPreviewTimer;
    QTimer mReloadLater; // reloadIfChanged() put off while a field of the form has the focus
    // What the page shows once it is made.
    QVector<Office> mOffices;
    QVector<Tag> mTagChoices;
    QByteArray mSplitterState;
    bool mPreviewVisible = true;
    SpellCheck *mSpell = nullptr;
    bool mSpellEnabled = true;
};

} // namespace fo
