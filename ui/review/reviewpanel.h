#pragma once

#include "workflow/workflow.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace fo {

class DiffView;
class ErrorStrip;
class Session;

/// The review of the open story: its state as people read it ("Draft — changed since
/// approval"), who approved which revision when, the workflow actions the current person may
/// take, and — once the story changed after an approval — the word diff since the approved
/// revision. Refusals are shown in the panel; the comment typed stays. An action done here is
/// reported to the session (Session::reportStateChanged), which refreshes this panel with
/// everything else that shows the story's state.
class ReviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewPanel(Session &session, QWidget *parent = nullptr);
    ~ReviewPanel() override;

    qint64 storyId() const { return mStoryId; }
    void setStory(qint64 id);
    /// Reads the story's state, approvals and diff again.
    void refresh();

    QPushButton *actionButton(WorkflowAction action) const { return mButtons.value(action); }
    DiffView *diffView() const { return mDiff; }
    QString statusText() const;
    QString messageText() const;

    /// Does `action` as the session's person, with the comment typed in the panel, after the
    /// session has flushed the open story's pending edits.
    bool perform(WorkflowAction action);
    /// Submits and approves in one step (StoryWriter::submitAndApprove()).
    bool submitAndApprove();
    QPushButton *submitAndApproveButton() const { return mOneStep; }

signals:
    /// refresh() read the story's state again.
    void refreshed();

private:
    void showMessage(const QString &text, bool error);

    Session &mSession;
    qint64 mStoryId = 0;
    QLabel *mStatus = nullptr;
    QLabel *mApprovals = nullptr;
    QMap<WorkflowAction, QPushButton *> mButtons;
    QPushButton *mOneStep = nullptr;
    QPlainTextEdit *mComment = nullptr;
    ErrorStrip *mMessage = nullptr;
    QLabel *mDiffLabel = nullptr;
    DiffView *mDiff = nullptr;
};

} // namespace fo
