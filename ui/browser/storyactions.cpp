#include "browser/storyactions.h"

#include "common/session.h"
#include "library/database.h"
#include "messages/refusaltext.h"
#include "stories/storyservice.h"
#include "workflow/workflow.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace fo {

namespace {

QString shown(const QString &headline)
{
    return headline.trimmed().isEmpty() ? StoryActions::tr("(untitled)") : headline.trimmed();
}

} // namespace

StoryActions::StoryActions(Session &session, QWidget *window)
    : QObject(window), mSession(session), mDb(session.database()), mWindow(window)
{
    mNew = makeAction(tr("&New Story"), QStringLiteral("newStoryAction"), QKeySequence::New);
    mDuplicate = makeAction(tr("&Duplicate Story"), QStringLiteral("duplicateStoryAction"),
                            QKeySequence(tr("Ctrl+Shift+D")));
    mArchive = makeAction(tr("&Archive Story"), QStringLiteral("archiveStoryAction"));
    mTrash =
        makeAction(tr("&Move to Trash…"), QStringLiteral("trashStoryAction"), QKeySequence::Delete);
    mTrash->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    mRestore = makeAction(tr("&Restore from Trash"), QStringLiteral("restoreStoryAction"));
    mEmptyTrash = makeAction(tr("&Empty Trash…"), QStringLiteral("emptyTrashAction"));

    connect(mNew, &QAction::triggered, this, &StoryActions::newStory);
    connect(mDuplicate, &QAction::triggered, this, &StoryActions::duplicate);
    connect(mArchive, &QAction::triggered, this, &StoryActions::archive);
    connect(mTrash, &QAction::triggered, this, &StoryActions::moveToTrash);
    connect(mRestore, &QAction::triggered, this, &StoryActions::restore);
    connect(mEmptyTrash, &QAction::triggered, this, &StoryActions::emptyTrash);
    connect(&mSession, &Session::personChanged, this, [this] { updateEnabled(); });
    updateEnabled(true);
}

QAction *StoryActions::makeAction(const QString &text, const QString &objectName,
                                  const QKeySequence &shortcut)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    return action;
}

void StoryActions::setDefaultOffice(const QString &office)
{
    mDefaultOffice = office;
}

void StoryActions::setCurrentStory(const Story &story, bool inTrash)
{
    mStoryId = story.id;
    mHeadline = story.headline;
    mStatus = story.status;
    mInTrash = inTrash;
    updateEnabled();
}

void StoryActions::updateEnabled(bool checkTrash)
{
    if (checkTrash) {
        mTrashHasStories = StoryService(mDb).trashHasStories();
    }
    const bool writable = !mDb.isReadOnly();
    const bool story = mStoryId > 0;
    const Person &person = mSession.person();
    // Each action says why it is off for this person (issue 12 item 17): never offered, then
    // refused after a confirmation.
    const std::optional<Refusal> create = StoryService(mDb, person).createRefusal();
    const QString createWhy = create ? refusalText(*create) : QString();
    const QString trashWhy = person.isKnown() ? Workflow::trashRefusal(person)
                                              : refusalText(Refusal(RefusalKind::NoPersonChosen));
    const QString archiveWhy =
        person.isKnown() ? Workflow::refusal(mStatus, WorkflowAction::Archive, person) : trashWhy;
    const QString deleteWhy = person.isKnown() ? Workflow::deleteRefusal(person) : trashWhy;
    setAllowed(mNew, writable, createWhy);
    setAllowed(mDuplicate, writable && story && !mInTrash, createWhy);
    setAllowed(mArchive, writable && story && !mInTrash && mStatus != StoryStatus::Archived,
               archiveWhy);
    setAllowed(mTrash, writable && story && !mInTrash, trashWhy);
    setAllowed(mRestore, writable && story && mInTrash, trashWhy);
    setAllowed(mEmptyTrash, writable && mTrashHasStories, deleteWhy);
}

void StoryActions::setAllowed(QAction *action, bool available, const QString &refusal)
{
    action->setEnabled(available && refusal.isEmpty());
    // The tooltip says why the person cannot (menus show it in the status bar too).
    const QString why = refusal.isEmpty() ? QString() : refusal.at(0).toUpper() + refusal.mid(1);
    action->setToolTip(why.isEmpty() ? action->text().remove(QLatin1Char('&')) : why);
    action->setStatusTip(why);
}

void StoryActions::newStory()
{
    if (!mSession.flush()) {
        return;
    }
    const Result<Story> story = StoryService(mDb, mSession.person()).createBlank(mDefaultOffice);
    if (!story) {
        emit failed(tr("Cannot create a story: %1").arg(refusalText(story.refusal())));
        return;
    }
    emit storyCreated(story->id);
}

void StoryActions::duplicate()
{
    if (!mStoryId || !mSession.flush()) {
        return;
    }
    const Result<Story> copy = StoryService(mDb, mSession.person()).duplicate(mStoryId);
    if (!copy) {
        emit failed(tr("Cannot duplicate the story: %1").arg(refusalText(copy.refusal())));
        return;
    }
    emit storyCreated(copy->id);
}

void StoryActions::archive()
{
    if (!mStoryId || !mSession.flush()) {
        return;
    }
    const qint64 id = mStoryId;
    if (const Status done = StoryService(mDb, mSession.person()).archive(id); !done) {
        emit failed(tr("Cannot archive the story: %1").arg(refusalText(done.refusal())));
        return;
    }
    mSession.reportStateChanged(id);
}

bool StoryActions::confirm(const QString &title, const QString &text, const QString &informative,
                           const QString &acceptText)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, mWindow);
    box.setObjectName(QStringLiteral("confirmation"));
    box.setInformativeText(informative);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    box.setDefaultButton(accept);
    box.exec();
    return box.clickedButton() == accept;
}

void StoryActions::moveToTrash()
{
    if (!mStoryId || mInTrash) {
        return;
    }
    if (!confirm(tr("Move to Trash"), tr("Move “%1” to the Trash?").arg(shown(mHeadline)),
                 tr("It can be restored from the Trash until the Trash is emptied."),
                 tr("Move to Trash"))) {
        return;
    }
    if (!mSession.flush()) {
        return;
    }
    const qint64 id = mStoryId;
    if (const Status done = StoryService(mDb, mSession.person()).moveToTrash(id); !done) {
        emit failed(tr("Cannot move the story to the Trash: %1").arg(refusalText(done.refusal())));
        return;
    }
    emit storyTrashed(id);
}

void StoryActions::restore()
{
    if (!mStoryId || !mInTrash) {
        return;
    }
    const qint64 id = mStoryId;
    if (const Status done = StoryService(mDb, mSession.person()).restoreFromTrash(id); !done) {
        emit failed(tr("Cannot restore the story: %1").arg(refusalText(done.refusal())));
        return;
    }
    mSession.reportStateChanged(id);
}

void StoryActions::emptyTrash()
{
    const int count = StoryService(mDb).trashCount();
    if (count <= 0) {
        return;
    }
    if (!confirm(tr("Empty Trash"),
                 count == 1 ? tr("Delete the story in the Trash for good?")
                            : tr("Delete the %1 stories in the Trash for good?").arg(count),
                 tr("Their text, history and comments are deleted. This cannot be undone."),
                 tr("Delete for Good"))) {
        return;
    }
    if (!mSession.flush()) {
        return;
    }
    const Result<int> deleted = StoryService(mDb, mSession.person()).emptyTrash();
    if (!deleted) {
        emit failed(tr("Cannot empty the Trash: %1").arg(refusalText(deleted.refusal())));
        return;
    }
    emit trashEmptied(*deleted);
}

} // namespace fo
