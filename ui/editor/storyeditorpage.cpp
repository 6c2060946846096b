// StoryEditor's page: its widgets, made with the first story opened, their wiring, and what
// they show that is kept until they exist (storyeditor.cpp has the editing itself).

#include "editor/storyeditor.h"

#include "common/errorstrip.h"
#include "editor/approvededitguard.h"
#include "editor/autosaver.h"
#include "editor/bodyeditor.h"
#include "editor/findbar.h"
#include "editor/formatactions.h"
#include "editor/mergebanner.h"
#include "editor/metadataform.h"
#include "editor/previewfitter.h"
#include "editor/previewpane.h"
#include "editor/spellcheck.h"
#include "editor/storydraft.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextDocument>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace fo {

void StoryEditor::buildWidgets()
{
    auto *hint =
        new QLabel(tr("Select a story in the list, or start a new one with "
                      "File › New Story (%1).")
                       .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)),
                   this);
    hint->setObjectName(QStringLiteral("editorHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setEnabled(false); // drawn greyed: a hint, not content

    mStack = new QStackedWidget(this);
    mStack->addWidget(hint);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mStack);
}

void StoryEditor::ensurePage()
{
    if (mSplitter) {
        return;
    }
    // Why the story cannot be edited, or that its changes are not saved.
    mBanner = new ErrorStrip(this);
    mBanner->setObjectName(QStringLiteral("editorBanner"));
    mMergeBanner = new MergeBanner(this);
    mPreview = new PreviewPane(this);
    mSplitter = new QSplitter(Qt::Horizontal, this);
    mSplitter->setObjectName(QStringLiteral("editorSplitter"));
    mSplitter->setChildrenCollapsible(false);
    mSplitter->addWidget(buildEditorColumn());
    mSplitter->addWidget(mPreview);
    mSplitter->setStretchFactor(0, 3);
    mSplitter->setStretchFactor(1, 2);

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(mBanner);
    pageLayout->addWidget(mMergeBanner);
    pageLayout->addWidget(mSplitter, 1);
    mStack->addWidget(page);

    connectPage();
    mForm->setOffices(mOffices);
    mForm->setTagChoices(mTagChoices);
    if (!mSplitter->restoreState(mSplitterState)) {
        mSplitter->setSizes({440, 340});
    }
    // The preview hides itself where it would be too narrow to read (issue 12 item 13).
    mPreviewFitter = new PreviewFitter(mSplitter, mPreview, kPreviewMinimumWidth, 320);
    mPreviewFitter->setWanted(mPreviewVisible);
    emit pageBuilt();
}

QWidget *StoryEditor::buildEditorColumn()
{
    auto *column = new QWidget(this);
    mForm = new MetadataForm(column);
    mBody = new BodyEditor(column);
    mBody->setDocument(mDraft->body()); // the draft's text: its undo commands act on it
    mBody->setUndoActions(mUndoAction, mRedoAction);
    mBody->document()->setDocumentMargin(8);
    mFormat->setEditor(mBody);
    mSpell = new SpellCheck(mSession, mDraft, mBody, column);
    mSpell->setEnabled(mSpellEnabled);

    mFormatBar = new QToolBar(tr("Format"), column);
    mFormatBar->setObjectName(QStringLiteral("formatToolBar"));
    mFormatBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    mFormatBar->setIconSize(QSize(16, 16));
    mFormat->fillToolBar(mFormatBar);

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->addWidget(mForm);
    layout->addWidget(mFormatBar);
    layout->addWidget(mSpell->note());
    layout->addWidget(mBody, 1);
    mFindBar = new FindBar(mBody, column); // under the text, as in KDE's editors
    layout->addWidget(mFindBar);

    return column;
}

void StoryEditor::connectEditing()
{
    connect(mUndoGroup, &QUndoGroup::indexChanged, this, &StoryEditor::markChanged);
    connect(&mPreviewTimer, &QTimer::timeout, this, &StoryEditor::updatePreviewAndStatistics);
    connect(mAutosaver, &Autosaver::stateChanged, this, &StoryEditor::onSaveStateChanged);
}

void StoryEditor::connectPage()
{
    mForm->setDraft(mDraft);
    // The draft records the user's changes as undo steps itself; here they only need saving.
    connect(mDraft, &StoryDraft::edited, this, &StoryEditor::markChanged);
    connect(mDraft, &StoryDraft::bodyStepApplied, this, [this](int position) {
        QTextCursor cursor = mBody->textCursor();
        cursor.setPosition(position);
        mBody->setTextCursor(cursor);
    });
    connectFindBar();
    connect(mMergeBanner, &MergeBanner::useTheirsClicked, this, &StoryEditor::useTheirs);
    connect(mMergeBanner, &MergeBanner::historyClicked, this, &StoryEditor::historyRequested);
    connect(mBody, &BodyEditor::undoRequested, mUndoAction, &QAction::trigger);
    connect(mBody, &BodyEditor::redoRequested, mRedoAction, &QAction::trigger);
    for (QWidget *field : mForm->editors()) {
        field->installEventFilter(this);
    }
    // After the undo filter above, so it sees a key first (filters run newest first).
    mGuard = new ApprovedEditGuard(this);
    for (QWidget *field : mForm->editors()) {
        mGuard->watch(field);
    }
    mGuard->watch(mBody);
}

void StoryEditor::setOffices(const QVector<Office> &offices)
{
    mOffices = offices;
    if (mForm) {
        mForm->setOffices(offices);
    }
}

void StoryEditor::setTagChoices(const QVector<Tag> &tags)
{
    mTagChoices = tags;
    if (mForm) {
        mForm->setTagChoices(tags);
    }
}

void StoryEditor::focusHeadline()
{
    if (mForm) {
        mForm->focusField(MetadataForm::Field::Headline);
    }
}

bool StoryEditor::focusNextPrevChild(bool next)
{
    // Tab and Shift+Tab go round the fields, the text and the preview, and never out: Qt's
    // focus chain, broken when the page's widgets were moved into the splitter and the stack,
    // sent Tab from the headline to whatever was made before the page (the Review dock's tabs,
    // where a dateline was then typed). F6 moves between the panes.
    QList<QWidget *> chain = mForm ? mForm->editors() : QList<QWidget *>();
    if (chain.isEmpty()) {
        return QWidget::focusNextPrevChild(next);
    }
    chain << mBody << mPreview;
    QWidget *focus = QApplication::focusWidget();
    int at = -1;
    for (int i = 0; i < chain.size() && at < 0; ++i) {
        if (focus && (chain.at(i) == focus || chain.at(i)->isAncestorOf(focus))) {
            at = i;
        }
    }
    if (at < 0) {
        return QWidget::focusNextPrevChild(next);
    }
    const int n = int(chain.size());
    for (int step = 1; step < n; ++step) {
        QWidget *candidate = chain.at(((at + (next ? step : -step)) % n + n) % n);
        if (candidate->isVisibleTo(this) && candidate->isEnabled() &&
            (candidate->focusPolicy() & Qt::TabFocus)) {
            candidate->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return true;
        }
    }
    return QWidget::focusNextPrevChild(next);
}

QWidget *StoryEditor::firstField() const
{
    return mForm ? mForm->editors().constFirst() : nullptr;
}

void StoryEditor::setSpellCheckEnabled(bool enabled)
{
    mSpellEnabled = enabled;
    if (mSpell) {
        mSpell->setEnabled(enabled);
    }
}

void StoryEditor::setPreviewVisible(bool visible)
{
    mPreviewVisible = visible;
    if (mPreviewFitter) {
        mPreviewFitter->setWanted(visible);
    }
}

bool StoryEditor::isPreviewVisible() const
{
    return mPreview ? !mPreview->isHidden() : mPreviewVisible;
}

QByteArray StoryEditor::splitterState() const
{
    return mSplitter ? mSplitter->saveState() : mSplitterState;
}

void StoryEditor::restoreSplitterState(const QByteArray &state)
{
    mSplitterState = state;
    if (mSplitter && !mSplitter->restoreState(state)) {
        mSplitter->setSizes({440, 340});
    }
}

} // namespace fo
