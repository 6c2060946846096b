#include "review/reviewdock.h"
#include "common/childsignals.h"

#include "common/session.h"
#include "review/commentspanel.h"
#include "review/historypanel.h"
#include "review/reviewpanel.h"

#include <QTabBar>
#include <QTabWidget>
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
    mTabs->currentWidget()->setFocus();
}

ReviewDock::~ReviewDock()
{
    disconnectChildSignals(this);
}

} // namespace fo
