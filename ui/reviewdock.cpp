#include "reviewdock.h"
#include "childsignals.h"

#include "commentspanel.h"
#include "historypanel.h"
#include "reviewpanel.h"

#include <QTabBar>
#include <QTabWidget>

namespace fo {

ReviewDock::ReviewDock(Session &session, QWidget *parent)
    : QDockWidget(tr("Review"), parent), mReview(new ReviewPanel(session)),
      mHistory(new HistoryPanel(session)), mComments(new CommentsPanel(session))
{
    setObjectName(QStringLiteral("reviewDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                QDockWidget::DockWidgetFloatable);
    mTabs = new QTabWidget(this);
    mTabs->setObjectName(QStringLiteral("reviewTabs"));
    mTabs->setAccessibleName(tr("Review, history and comments"));
    mTabs->setDocumentMode(true);
    mTabs->tabBar()->setAccessibleName(tr("Review panels"));
    mTabs->addTab(mReview, tr("Review"));
    mTabs->addTab(mHistory, tr("History"));
    mTabs->addTab(mComments, tr("Comments"));
    setWidget(mTabs);

    connect(mReview, &ReviewPanel::storyStateChanged, this, &ReviewDock::storyStateChanged);
    connect(mHistory, &HistoryPanel::storyRestored, this, &ReviewDock::storyStateChanged);
    // A workflow action may add a comment (Request changes) and a revision.
    connect(mReview, &ReviewPanel::storyStateChanged, this, &ReviewDock::refresh);
}

void ReviewDock::setSaveHook(const std::function<bool()> &hook)
{
    mReview->setSaveHook(hook);
    mHistory->setSaveHook(hook);
}

void ReviewDock::setBodyEditor(QTextEdit *body)
{
    mComments->setBodyEditor(body);
}

void ReviewDock::setStory(qint64 id)
{
    mReview->setStory(id);
    mHistory->setStory(id);
    mComments->setStory(id);
}

void ReviewDock::refresh()
{
    mReview->refresh();
    mHistory->refresh();
    mComments->refresh();
}

void ReviewDock::showTab(Tab tab)
{
    show();
    raise();
    mTabs->setCurrentIndex(tab);
    mTabs->currentWidget()->setFocus();
}

ReviewDock::~ReviewDock()
{
    disconnectChildSignals(this);
}

} // namespace fo
