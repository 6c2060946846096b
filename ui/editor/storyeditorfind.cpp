// StoryEditor's find bar, the words of a library search marked in the text, and printing
// (storyeditor.cpp has the editing itself).

#include "editor/storyeditor.h"

#include "editor/bodyeditor.h"
#include "editor/findbar.h"
#include "editor/storydraft.h"
#include "editor/storyfinder.h"
#include "editor/storyprinter.h"
#include "editor/textmarks.h"
#include "search/searchterms.h"
#include "workflow/workflow.h"

#include <QAction>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>

namespace fo {

void StoryEditor::buildFindActions()
{
    const auto make = [this](const QString &text, const QString &name, const QKeySequence &key) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        return action;
    };
    // KDE's and Qt's convention: Ctrl+F finds in the document that is open, the platform's
    // Replace key (Ctrl+R on KDE Plasma, Ctrl+H on GNOME and Windows) replaces in it, F3 and
    // Shift+F3 go on; the library's search is Ctrl+Shift+F (the window's Edit menu).
    mFindAction =
        make(tr("&Find in Story…"), QStringLiteral("findInStoryAction"), QKeySequence::Find);
    // A desktop without its own Replace key (plain X11) gets KDE's.
    const QList<QKeySequence> replaceKeys = QKeySequence::keyBindings(QKeySequence::Replace);
    mReplaceAction = make(tr("R&eplace in Story…"), QStringLiteral("replaceInStoryAction"),
                          replaceKeys.isEmpty() ? QKeySequence(tr("Ctrl+R")) : replaceKeys.first());
    mFindNextAction =
        make(tr("Find &Next"), QStringLiteral("findNextAction"), QKeySequence::FindNext);
    mFindPreviousAction = make(tr("Find Pre&vious"), QStringLiteral("findPreviousAction"),
                               QKeySequence::FindPrevious);
    mPrintAction = make(tr("&Print…"), QStringLiteral("printStoryAction"), QKeySequence::Print);
    connect(mFindAction, &QAction::triggered, this, [this] { showFindBar(false); });
    connect(mReplaceAction, &QAction::triggered, this, [this] { showFindBar(true); });
    connect(mFindNextAction, &QAction::triggered, this, [this] {
        if (mFindBar && mOpen) {
            mFindBar->findNext();
        }
    });
    connect(mFindPreviousAction, &QAction::triggered, this, [this] {
        if (mFindBar && mOpen) {
            mFindBar->findPrevious();
        }
    });
    connect(mPrintAction, &QAction::triggered, this, &StoryEditor::print);
}

QList<QAction *> StoryEditor::findActions() const
{
    return {mFindAction, mReplaceAction, mFindNextAction, mFindPreviousAction};
}

void StoryEditor::showFindBar(bool replace)
{
    if (!mOpen || !mFindBar) {
        emit librarySearchRequested(); // no story to find in: the library's search it is
        return;
    }
    mFindBar->open(replace);
}

FindBar *StoryEditor::findBar() const
{
    return mFindBar;
}

void StoryEditor::connectFindBar()
{
    QTextDocument *text = mDraft->body();
    connect(text, &QTextDocument::contentsChanged, mFindBar, &FindBar::refreshMarks);
    // Typing in the text is a new start: the words of the search no longer need showing.
    connect(text, &QTextDocument::undoCommandAdded, this, [this] {
        if (!mLoading) {
            setTextMarks(mBody, TextMarkKind::SearchTerm, {});
        }
    });
}

void StoryEditor::setSearchHighlight(const QString &search, bool prefixLastWord)
{
    mSearchText = search;
    mSearchPrefix = prefixLastWord;
    showSearchHighlight(false);
}

void StoryEditor::showSearchHighlight(bool scrollToFirst)
{
    if (!mBody) {
        return;
    }
    const QVector<TextSpan> spans =
        mOpen ? StoryFinder::termMatches(mBody->document(), searchTerms(mSearchText, mSearchPrefix))
              : QVector<TextSpan>();
    setTextMarks(mBody, TextMarkKind::SearchTerm, spans);
    if (scrollToFirst && !spans.isEmpty()) {
        // The first place the story matched, in view; the cursor there, nothing selected.
        QTextCursor cursor = mBody->textCursor();
        cursor.setPosition(spans.constFirst().start);
        mBody->setTextCursor(cursor);
        mBody->ensureCursorVisible();
    }
}

void StoryEditor::updateFindState()
{
    for (QAction *action : {mFindNextAction, mFindPreviousAction, mPrintAction}) {
        action->setEnabled(mOpen);
    }
    if (!mFindBar) {
        return;
    }
    if (!mOpen) {
        mFindBar->hide();
    }
    mFindBar->refreshMarks();
    showSearchHighlight(true);
}

void StoryEditor::print()
{
    if (!mOpen) {
        return;
    }
    save(); // what prints is what the library holds, as an export would be
    const Story story = currentStory();
    // As the export decides: anything but the approved version, unchanged, is a draft.
    const bool draft = !Workflow(mDb).approvalState(story).valid;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(story.headline);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Story"));
    if (dialog.exec() == QDialog::Accepted) {
        printStory(story, draft, &printer);
    }
}

} // namespace fo
