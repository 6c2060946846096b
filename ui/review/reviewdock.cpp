#include "review/reviewdock.h"
#include "common/childsignals.h"

#include "common/session.h"
#include "library/reviewsettings.h"
#include "messages/refusaltext.h"
#include "review/commentspanel.h"
#include "review/historypanel.h"
#include "review/reviewpanel.h"
#include "stories/storyrepository.h"

#include <QAction>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace fo {

ReviewDock::ReviewDock(Session &session, QWidget *parent)
    : QDockWidget(tr("Review"), parent), mSession(session), mStoryId(session.openStory())
{
    setObjectName(QStringLiteral("reviewDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                QDockWidget::DockWidgetFloatable);
    mTabs = new QTabWidget(this);
    mTabs->setObjectName(QStringLiteral("reviewTabs"));
    mTabs->setAccessibleName(tr("Review, history and comments"));
    mTabs->setDocumentMode(true);
    mTabs->tabBar()->setAccessibleName(tr("Review panels"));
    const QString titles[] = {tr("Review"), tr("History"), tr("Comments")};
    for (int tab = ReviewTab; tab <= CommentsTab; ++tab) {
        mPages[tab] = new QWidget(mTabs);
        auto *layout = new QVBoxLayout(mPages[tab]);
        layout->setContentsMargins(0, 0, 0, 0);
        mTabs->addTab(mPages[tab], titles[tab]);
    }
    // Wide enough for the three tabs before their panels exist (the panels widen it anyway).
    mTabs->setMinimumWidth(mTabs->tabBar()->sizeHint().width() + 16);
    setWidget(mTabs);
    connect(mTabs, &QTabWidget::currentChanged, this, &ReviewDock::makeCurrentPanel);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible) {
            makeCurrentPanel();
        }
    });
    connect(&mSession, &Session::openStoryChanged, this, &ReviewDock::setStory);
    connect(&mSession, &Session::storyStateChanged, this, [this](qint64 id) {
        if (id == mStoryId) {
            refresh(); // a workflow action may add a comment (Request changes) and a revision
        }
    });
    // Opening the dock from the menu or its key takes the focus there, as showTab() does.
    connect(toggleViewAction(), &QAction::triggered, this, [this](bool shown) {
        if (shown) {
            QTimer::singleShot(0, this, [this] {
                if (QWidget *target = focusTarget()) {
                    target->setFocus(Qt::ShortcutFocusReason);
                }
            });
        }
    });

    mSubmit = new QAction(tr("Su&bmit for Review"), this);
    mSubmit->setObjectName(QStringLiteral("submitForReviewAction"));
    mSubmit->setShortcut(QKeySequence(tr("Ctrl+Alt+S")));
    connect(mSubmit, &QAction::triggered, this, [this] { performAction(WorkflowAction::Submit); });
    mApprove = new QAction(tr("A&pprove"), this);
    mApprove->setObjectName(QStringLiteral("approveAction"));
    mApprove->setShortcut(QKeySequence(tr("Ctrl+Alt+A")));
    connect(mApprove, &QAction::triggered, this,
            [this] { performAction(WorkflowAction::Approve); });
    mFourEyes = new QAction(tr("&Four-Eyes Rule"), this);
    mFourEyes->setObjectName(QStringLiteral("fourEyesAction"));
    mFourEyes->setCheckable(true);
    mFourEyes->setToolTip(tr("Nobody approves a version holding their own change (admin only)"));
    connect(mFourEyes, &QAction::triggered, this, &ReviewDock::setFourEyes);
    connect(&mSession, &Session::personChanged, this, &ReviewDock::updateActions);
    connect(&mSession, &Session::storyStateChanged, this, &ReviewDock::updateActions);
    updateActions();
}

void ReviewDock::updateActions()
{
    std::optional<Story> story;
    if (mStoryId) {
        if (Result<Story> read = StoryRepository(mSession.database()).get(mStoryId)) {
            story = *read;
        }
    }
    const QVector<WorkflowAction> available =
        story ? Workflow::availableActions(story->status, mSession.person())
              : QVector<WorkflowAction>();
    mSubmit->setEnabled(available.contains(WorkflowAction::Submit));
    mApprove->setEnabled(available.contains(WorkflowAction::Approve));
    mFourEyes->setChecked(ReviewSettings(mSession.database()).fourEyes());
    mFourEyes->setEnabled(Workflow::settingsRefusal(mSession.person()).isEmpty());
}

void ReviewDock::performAction(WorkflowAction action)
{
    if (!mStoryId) {
        return;
    }
    ReviewPanel *panel = reviewPanel();
    if (!panel->perform(action)) {
        showTab(ReviewTab); // the refusal is said there
    }
}

void ReviewDock::setFourEyes(bool on)
{
    if (const QString refusal = Workflow::settingsRefusal(mSession.person()); !refusal.isEmpty()) {
        updateActions();
        return;
    }
    if (const Status saved = ReviewSettings(mSession.database()).setFourEyes(on); !saved) {
        QMessageBox::warning(parentWidget(), tr("Four-Eyes Rule"), refusalText(saved.refusal()));
    }
    updateActions();
    if (mStoryId) {
        mSession.reportStateChanged(mStoryId); // the panel offers one-step approval or not
    }
}

QWidget *ReviewDock::focusTarget()
{
    if (!isVisible()) {
        return nullptr;
    }
    const Tab tab = Tab(mTabs->currentIndex());
    makePanel(tab);
    QWidget *page = mPages[tab];
    if (tab == ReviewTab) {
        // The first thing the person may do, else the comment box.
        for (QPushButton *button : page->findChildren<QPushButton *>()) {
            if (button->isVisibleTo(page) && button->isEnabled()) {
                return button;
            }
        }
        return page->findChild<QPlainTextEdit *>();
    }
    if (tab == HistoryTab) {
        return page->findChild<QTableView *>();
    }
    return page->findChild<QTreeView *>();
}

void ReviewDock::makeCurrentPanel()
{
    if (isVisible()) {
        makePanel(Tab(mTabs->currentIndex()));
    }
}

void ReviewDock::makePanel(Tab tab)
{
    QWidget *panel = nullptr;
    switch (tab) {
    case ReviewTab:
        if (mReview) {
            return;
        }
        mReview = new ReviewPanel(mSession);
        mReview->setStory(mStoryId);
        panel = mReview;
        break;
    case HistoryTab:
        if (mHistory) {
            return;
        }
        mHistory = new HistoryPanel(mSession);
        mHistory->setStory(mStoryId);
        panel = mHistory;
        break;
    case CommentsTab:
        if (mComments) {
            return;
        }
        mComments = new CommentsPanel(mSession);
        mComments->setBodyEditor(mBody);
        mComments->setStory(mStoryId);
        panel = mComments;
        break;
    }
    mPages[tab]->layout()->addWidget(panel);
    mPages[tab]->setFocusProxy(panel);
}

ReviewPanel *ReviewDock::reviewPanel()
{
    makePanel(ReviewTab);
    return mReview;
}

HistoryPanel *ReviewDock::historyPanel()
{
    makePanel(HistoryTab);
    return mHistory;
}

CommentsPanel *ReviewDock::commentsPanel()
{
    makePanel(CommentsTab);
    return mComments;
}

void ReviewDock::setBodyEditor(QTextEdit *body)
{
    mBody = body;
    if (mComments) {
        mComments->setBodyEditor(body);
    }
}

template <typename Call> void ReviewDock::forMadePanels(Call call)
{
    if (mReview) {
        call(mReview);
    }
    if (mHistory) {
        call(mHistory);
    }
    if (mComments) {
        call(mComments);
    }
}

void ReviewDock::setStory(qint64 id)
{
    mStoryId = id;
    forMadePanels([id](auto *panel) { panel->setStory(id); });
    updateActions();
}

void ReviewDock::refresh()
{
    forMadePanels([](auto *panel) { panel->refresh(); });
}

void ReviewDock::showTab(Tab tab)
{
    show();
    raise();
    mTabs->setCurrentIndex(tab);
    makePanel(tab);
    if (QWidget *target = focusTarget()) {
        target->setFocus(Qt::ShortcutFocusReason);
    }
}

ReviewDock::~ReviewDock()
{
    disconnectChildSignals(this);
}

} // namespace fo
