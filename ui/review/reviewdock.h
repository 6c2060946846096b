#pragma once

#include "workflow/workflow.h"

#include <QDockWidget>

class QAction;
class QTabWidget;
class QTextEdit;

namespace fo {

class CommentsPanel;
class HistoryPanel;
class ReviewPanel;
class Session;

/// The review side of the open story, beside the editor: the Review, History and Comments
/// panels as tabs in one dock. It follows the session: its open story, and each change of the
/// story's state reported there (Session::storyStateChanged), which reads every made panel
/// again once.
///
/// A panel is made when its tab first shows (or when asked for): the window's first frame
/// does not wait for panels nobody has looked at. Once made, a panel follows the open story.
class ReviewDock : public QDockWidget
{
    Q_OBJECT

public:
    enum Tab
    {
        ReviewTab,
        HistoryTab,
        CommentsTab
    };

    explicit ReviewDock(Session &session, QWidget *parent = nullptr);

    ~ReviewDock() override;

    /// The panels, made now if they were not yet.
    ReviewPanel *reviewPanel();
    HistoryPanel *historyPanel();
    CommentsPanel *commentsPanel();

    void setBodyEditor(QTextEdit *body);

    void setStory(qint64 id);
    /// Reads everything again (the story was saved or changed elsewhere).
    void refresh();
    /// Shows the dock with `tab` and gives it the focus.
    void showTab(Tab tab);
    /// Where the focus goes in the dock: the current panel's first control (F6 enters here).
    QWidget *focusTarget();

    /// Review ▸ Submit for Review (Ctrl+Alt+S) and Review ▸ Approve (Ctrl+Alt+A): the open
    /// story's workflow from the keyboard, enabled when the person may do them.
    QAction *submitAction() const { return mSubmit; }
    QAction *approveAction() const { return mApprove; }
    /// Review ▸ Four-Eyes Rule: the library's setting (ReviewSettings), for an admin.
    QAction *fourEyesAction() const { return mFourEyes; }

private:
    /// Makes the panel of `tab` if it does not exist yet, showing the open story.
    void makePanel(Tab tab);
    void makeCurrentPanel();
    /// Calls `call` with each panel that has been made.
    template <typename Call> void forMadePanels(Call call);
    /// Does `action` through the review panel; shows the panel when it was refused.
    void performAction(WorkflowAction action);
    void updateActions();
    void setFourEyes(bool on);

    Session &mSession;
    QTextEdit *mBody = nullptr;
    qint64 mStoryId = 0;
    ReviewPanel *mReview = nullptr;
    HistoryPanel *mHistory = nullptr;
    CommentsPanel *mComments = nullptr;
    QTabWidget *mTabs = nullptr;
    QWidget *mPages[3] = {};
    QAction *mSubmit = nullptr;
    QAction *mApprove = nullptr;
    QAction *mFourEyes = nullptr;
};

} // namespace fo
