#include "editor/storyeditor.h"
#include "common/childsignals.h"
#include "messages/refusaltext.h"

#include "common/errorstrip.h"
#include "domain/contenthash.h"
#include "domain/wordcount.h"
#include "editor/approvededitguard.h"
#include "editor/autosaver.h"
#include "editor/bodyeditor.h"
#include "editor/findbar.h"
#include "editor/formatactions.h"
#include "editor/mergebanner.h"
#include "editor/metadataform.h"
#include "editor/previewpane.h"
#include "editor/storydraft.h"
#include "library/database.h"
#include "markdown/markdowndocument.h"
#include "safety/recoveryjournal.h"
#include "stories/storyservice.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextDocument>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace fo {

namespace {

QStringList sortedTags(const QStringList &tags)
{
    QStringList labels;
    for (const QString &tag : tags) {
        labels << TagLabel::parse(tag).toString();
    }
    labels.sort();
    return labels;
}

} // namespace

StoryEditor::StoryEditor(Session &session, QWidget *parent)
    : QWidget(parent), mSession(session), mDb(session.database())
{
    setObjectName(QStringLiteral("storyEditor"));
    mDraft = new StoryDraft(this);
    mUndoGroup = new QUndoGroup(this);
    mUndoAction = mUndoGroup->createUndoAction(this, tr("&Undo"));
    mUndoAction->setObjectName(QStringLiteral("undoAction"));
    mUndoAction->setShortcut(QKeySequence::Undo);
    mRedoAction = mUndoGroup->createRedoAction(this, tr("&Redo"));
    mRedoAction->setObjectName(QStringLiteral("redoAction"));
    mRedoAction->setShortcut(QKeySequence::Redo);
    mAutosaver = new Autosaver([this](QString *error) { return write(error); }, this);
    mJournal = std::make_unique<RecoveryJournal>(mDb.path());
    mAutosaver->setJournal([this] { writeJournal(); });
    mPreviewTimer.setSingleShot(true);
    mReloadLater.setSingleShot(true);
    mReloadLater.setInterval(1000);
    connect(&mReloadLater, &QTimer::timeout, this, &StoryEditor::reloadIfChanged);
    mFormat = new FormatActions(this);
    buildFindActions();

    buildWidgets();
    connectEditing();
    closeStory();
    mSession.setPendingEdits(this);
    // The workflow may allow or refuse editing to the new person.
    connect(&mSession, &Session::personChanged, this, &StoryEditor::followStoryState);
}

StoryEditor::~StoryEditor()
{
    disconnectChildSignals(this);
    mSession.setPendingEdits(nullptr);
    // Commands refer to the draft; the text editor shows the draft's text: both go before it.
    delete mUndoStack;
    delete mStack;
}

bool StoryEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Fields keep their own little undo history; the story's stack is the one that counts.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            (key->matches(QKeySequence::Undo) ? mUndoAction : mRedoAction)->trigger();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

qint64 StoryEditor::storyId() const
{
    return mOpen ? mStored.id : 0;
}

bool StoryEditor::hasUnsavedChanges() const
{
    return mOpen && mAutosaver->isPending();
}

Story StoryEditor::currentStory() const
{
    Story story = mStored;
    if (mOpen) {
        mDraft->applyTo(story);
    }
    return story;
}

bool StoryEditor::openStory(qint64 id, QString *error)
{
    const StoryService service(mDb, actor());
    const Result<Story> story = service.get(id);
    if (!story) {
        if (error) {
            *error = refusalText(story.refusal());
        }
        return false;
    }
    ensurePage();
    mLoading = true;
    mAutosaver->reset();
    mPreviewTimer.stop();
    delete mUndoStack;
    mUndoStack = new QUndoStack(mUndoGroup);
    mUndoGroup->setActiveStack(mUndoStack);
    mStored = *story;
    mOpen = true;
    mConflicts.clear();
    mMergeBanner->clear();
    mTrashed = service.isInTrash(id);
    mDraft->load(*story);
    mDraft->setUndoStack(mUndoStack);
    mBody->moveCursor(QTextCursor::Start);
    applyReadOnly(service.editRefusal(*story));
    mGuard->follow(mStored, !mReadOnly);
    mArmedIndex = 0;
    updateStatusLine();
    mLoading = false;

    mStack->setCurrentIndex(1);
    // The preview (a full layout of the exported page: fieldoffice-bench: "preview of the
    // 5,000-word story") follows the text instead of holding it up: the story shows first,
    // switching through the list stays quick, and the preview comes in the next turn of the event
    // loop.
    mPreview->clearStory();
    mPreviewTimer.start(0);
    updateStatistics();
    onSaveStateChanged();
    updateFindState();
    mSession.setOpenStory(id);
    emit storyChanged(id);
    return true;
}

void StoryEditor::reload()
{
    if (!mOpen) {
        return;
    }
    const int position = mBody->textCursor().position();
    const int scroll = mBody->verticalScrollBar()->value();
    QString error;
    if (!openStory(mStored.id, &error)) {
        closeStory();
        return;
    }
    QTextCursor cursor = mBody->textCursor();
    cursor.setPosition(qMin(position, mBody->document()->characterCount() - 1));
    mBody->setTextCursor(cursor);
    mBody->verticalScrollBar()->setValue(scroll);
}

void StoryEditor::reloadIfChanged()
{
    if (!mOpen || hasUnsavedChanges()) {
        return;
    }
    const QList<QWidget *> fields = mForm->editors();
    QWidget *focus = QApplication::focusWidget();
    if (focus && (fields.at(3)->isAncestorOf(focus) || focus == fields.at(3) ||
                  focus == fields.constLast())) {
        // An office or a tag being typed (the office box, the tag line) is not a change yet; a
        // reload would wipe it. Look again once the field is left.
        mReloadLater.start();
        return;
    }
    const StoryService service(mDb, actor());
    const Result<Story> story = service.get(mStored.id);
    if (!story) {
        closeStory(); // deleted elsewhere
    } else if (story->updatedAt != mStored.updatedAt || story->status != mStored.status ||
               service.isInTrash(story->id) != mTrashed) {
        const bool contentChanged = !sameEditableContent(*story, mStored);
        if (!contentChanged) {
            showState(*story, service.isInTrash(story->id), service.editRefusal(*story));
            return; // only its state: the text and its undo history stay
        }
        reload();
        if (contentChanged && mOpen) {
            mMergeBanner->showMerge(tr("Another program (the command line, another window) "
                                       "changed this story; it shows the new version. The one "
                                       "before is in its history."),
                                    false);
        }
    }
}

void StoryEditor::followStoryState()
{
    if (!mOpen) {
        return;
    }
    const StoryService service(mDb, actor());
    const Result<Story> story = service.get(mStored.id);
    if (!story) {
        closeStory(); // deleted meanwhile
        return;
    }
    if (!sameEditableContent(*story, mStored)) {
        if (!hasUnsavedChanges()) {
            reload(); // a restored revision: the text itself is another
        }
        return; // otherwise the next save merges it
    }
    showState(*story, service.isInTrash(story->id), service.editRefusal(*story));
}

void StoryEditor::showState(const Story &story, bool inTrash, const QString &editRefusal)
{
    // Same content, newer state: the base of the next save, without touching the draft.
    mStored = story;
    mTrashed = inTrash;
    if (!hasUnsavedChanges()) {
        const bool wasReadOnly = mReadOnly;
        applyReadOnly(editRefusal);
        if (mReadOnly && !wasReadOnly && mUndoStack) {
            mUndoStack->clear(); // undo must not change a text that cannot be saved
        }
    }
    if (mGuard) {
        mGuard->follow(mStored, !mReadOnly);
        mArmedIndex = mUndoStack ? mUndoStack->index() : 0; // where a refused change goes back to
        mPreviewTimer.start(0);                             // the DRAFT mark follows the state
    }
    updateStatusLine();
    onSaveStateChanged();
}

void StoryEditor::closeStory()
{
    mLoading = true;
    mAutosaver->reset();
    mPreviewTimer.stop();
    mDraft->setUndoStack(nullptr);
    delete mUndoStack;
    mUndoStack = nullptr;
    mOpen = false;
    mTrashed = false;
    mStored = Story();
    mDraft->clear();
    mConflicts.clear();
    if (mBody) {
        mMergeBanner->clear();
        mPreview->clearStory();
    }
    mLoading = false;
    mStack->setCurrentIndex(0);
    updateFindState();
    emit statisticsChanged(0, 0);
    onSaveStateChanged();
    mSession.setOpenStory(0);
    emit storyChanged(0);
}

bool StoryEditor::save(QString *error)
{
    if (!mOpen || mReadOnly) {
        return true;
    }
    mForm->commitPending(); // an office or tag still being typed counts now
    return mAutosaver->flush(error);
}

void StoryEditor::markChanged()
{
    if (mLoading || !mOpen || mReadOnly || mTakingBack) {
        return;
    }
    if (mGuard && mGuard->isArmed() && (mTakeBackPending || !mGuard->confirmAfterChange())) {
        // A change to an approved story that came past the keys the guard holds back (a combo
        // box, the format toolbar, Undo), which the person chose not to make: taken back once
        // the undo stack has finished recording it (the draft reports it more than once).
        if (!mTakeBackPending) {
            mTakeBackPending = true;
            QTimer::singleShot(0, this, [this] {
                mTakeBackPending = false;
                if (mOpen && mUndoStack) {
                    mTakingBack = true;
                    mUndoStack->setIndex(mArmedIndex);
                    mTakingBack = false;
                }
            });
        }
        return;
    }
    mAutosaver->changed();
    mPreviewTimer.start(kPreviewDelayMs);
}

bool StoryEditor::write(QString *error)
{
    if (!mOpen || mReadOnly) {
        return true;
    }
    const Story story = currentStory();
    if (sameEditableContent(story, mStored)) {
        return true; // nothing to write: the library already holds this
    }
    StoryService service(mDb, actor());
    SaveResult result;
    // mStored is the base: what another program saved since is merged, never overwritten.
    if (const Status saved = service.save(mStored, story, &result); !saved) {
        if (error) {
            *error = refusalText(saved.refusal());
        }
        return false;
    }
    const bool newChoices = result.stored.officeName != mStored.officeName ||
                            sortedTags(result.stored.tags) != sortedTags(mStored.tags);
    const bool stateChanged = result.stored.status != mStored.status;
    mStored = result.stored;
    if (mJournalWritten) {
        mJournal->remove(); // the library holds it all now
        mJournalWritten = false;
    }
    if (result.merged) {
        showMerge(story, result);
    }
    updateStatusLine();
    if (newChoices) {
        emit officesOrTagsChanged();
    }
    emit storySaved(mStored);
    if (stateChanged) {
        // The approval was lost: whatever shows the state (the preview's DRAFT mark, the
        // review panel, the list) follows now, not when the story is next opened.
        mSession.reportStateChanged(mStored.id);
    }
    return true;
}

void StoryEditor::discardAndClose()
{
    closeStory();
    if (mJournalWritten) {
        mJournal->remove();
        mJournalWritten = false;
    }
}

void StoryEditor::applyReadOnly(const QString &reason)
{
    mReadOnly = !reason.isEmpty();
    mReadOnlyReason = reason;
    mForm->setReadOnly(mReadOnly, reason);
    mBody->setReadOnly(mReadOnly);
    if (mReadOnly) {
        // Read-only, but still readable and selectable from the keyboard.
        mBody->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    }
    mFormat->setEnabled(!mReadOnly);
    mFormatBar->setEnabled(!mReadOnly);
    mFindBar->setReadOnly(mReadOnly);
    updateBanner();
}

void StoryEditor::updateBanner()
{
    if (!mBanner) {
        return;
    }
    if (mOpen && mAutosaver->state() == Autosaver::State::Failed) {
        mBanner->showMessage(tr("Your latest changes are not saved: %1. They stay here, and "
                                "Field Office keeps trying to save them.")
                                 .arg(mAutosaver->lastError()),
                             ErrorStrip::Kind::Error);
    } else {
        mBanner->showMessage(mOpen && mReadOnly ? mReadOnlyReason : QString(),
                             ErrorStrip::Kind::Notice);
    }
}

void StoryEditor::updateStatusLine()
{
    const QString updated =
        mStored.updatedAt.isValid()
            ? QLocale().toString(mStored.updatedAt.toLocalTime(), QLocale::ShortFormat)
            : QString();
    QString line = StoryService(mDb, actor()).statusText(mStored);
    if (mTrashed) {
        line = tr("In the Trash — %1").arg(line);
    }
    mForm->setStatusText(tr("%1 · Story %2 · Updated %3").arg(line).arg(mStored.id).arg(updated));
}

void StoryEditor::updatePreviewAndStatistics()
{
    if (!mOpen) {
        return;
    }
    Story shown = currentStory();
    const bool approved =
        shown.status == StoryStatus::Approved || shown.status == StoryStatus::Released;
    if (approved && contentHash(shown) != contentHash(mStored)) {
        shown.status = StoryStatus::Draft; // what the next save makes of it: no longer approved
    }
    mPreview->showStory(shown, true);
    updateStatistics();
}

void StoryEditor::updateStatistics()
{
    const int words = countWords(mBody->document()->toPlainText());
    emit statisticsChanged(words, readingMinutes(words));
}

void StoryEditor::onSaveStateChanged()
{
    updateBanner();
    emit saveStatusChanged();
    emit modifiedChanged(hasUnsavedChanges());
}

QString StoryEditor::saveStatusText() const
{
    if (!mOpen) {
        return QString();
    }
    switch (mAutosaver->state()) {
    case Autosaver::State::Idle:
        return mReadOnly ? tr("Read-only") : QString();
    case Autosaver::State::Pending:
        return tr("Saving…");
    case Autosaver::State::Saved:
        return tr("Saved %1")
            .arg(QLocale().toString(mAutosaver->lastSaved().time(), QStringLiteral("HH:mm:ss")));
    case Autosaver::State::Failed:
        return tr("Not saved");
    }
    return QString();
}

bool StoryEditor::saveFailed() const
{
    return mOpen && mAutosaver->state() == Autosaver::State::Failed;
}

} // namespace fo
