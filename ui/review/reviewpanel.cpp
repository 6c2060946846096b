#include "review/reviewpanel.h"
#include "common/childsignals.h"
#include "messages/refusaltext.h"

#include "common/errorstrip.h"
#include "common/session.h"
#include "history/approvalrepository.h"
#include "history/readablediff.h"
#include "history/revisionrepository.h"
#include "review/diffview.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fo {

namespace {

QString localTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

ReviewPanel::ReviewPanel(Session &session, QWidget *parent) : QWidget(parent), mSession(session)
{
    auto *layout = new QVBoxLayout(this);
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("reviewStatus"));
    mStatus->setAccessibleName(tr("Review state"));
    mStatus->setTextFormat(Qt::PlainText);
    QFont bold = mStatus->font();
    bold.setBold(true);
    mStatus->setFont(bold);
    layout->addWidget(mStatus);

    mApprovals = new QLabel(this);
    mApprovals->setObjectName(QStringLiteral("reviewApprovals"));
    mApprovals->setAccessibleName(tr("Approvals"));
    mApprovals->setTextFormat(Qt::PlainText);
    mApprovals->setWordWrap(true);
    layout->addWidget(mApprovals);

    mComment = new QPlainTextEdit(this);
    mComment->setObjectName(QStringLiteral("reviewComment"));
    mComment->setAccessibleName(tr("Review comment"));
    mComment->setPlaceholderText(tr("Comment (required to request changes)"));
    mComment->setTabChangesFocus(true);
    mComment->setMaximumHeight(70);
    layout->addWidget(mComment);

    auto *grid = new QGridLayout;
    int i = 0;
    for (WorkflowAction action : allActions()) {
        auto *button = new QPushButton(actionLabel(action), this);
        button->setObjectName(QStringLiteral("review_") + actionKey(action));
        button->setAccessibleName(actionLabel(action));
        connect(button, &QPushButton::clicked, this, [this, action] { perform(action); });
        grid->addWidget(button, i / 2, i % 2);
        mButtons.insert(action, button);
        ++i;
    }
    // A reviewer who fixed a typo in an approved story approves it again in one step, where the
    // library's four-eyes rule allows it (Workflow::submitAndApproveRefusal()).
    mOneStep = new QPushButton(tr("Submit and Approve"), this);
    mOneStep->setObjectName(QStringLiteral("review_submit-approve"));
    mOneStep->setAccessibleName(tr("Submit for review and approve in one step"));
    mOneStep->setToolTip(tr("Submit the story and approve this version at once: for a change "
                            "you made to an approved story yourself"));
    connect(mOneStep, &QPushButton::clicked, this, &ReviewPanel::submitAndApprove);
    grid->addWidget(mOneStep, i / 2, i % 2);
    layout->addLayout(grid);

    mMessage = new ErrorStrip(this);
    mMessage->setObjectName(QStringLiteral("reviewMessage"));
    layout->addWidget(mMessage);

    mDiffLabel = new QLabel(tr("Changes since the approved revision:"), this);
    layout->addWidget(mDiffLabel);
    mDiff = new DiffView(this);
    mDiff->setObjectName(QStringLiteral("reviewDiff"));
    mDiff->setAccessibleName(tr("Changes since approval"));
    layout->addWidget(mDiff, 1);
    mDiffLabel->setBuddy(mDiff);
    layout->addStretch(0); // keeps the rest at the top while the diff is hidden

    connect(&mSession, &Session::personChanged, this, &ReviewPanel::refresh);
    refresh();
}

void ReviewPanel::setStory(qint64 id)
{
    if (id != mStoryId) {
        mComment->clear();
        mMessage->hide();
    }
    mStoryId = id;
    refresh();
}

QString ReviewPanel::statusText() const
{
    return mStatus->text();
}

QString ReviewPanel::messageText() const
{
    return mMessage->isHidden() ? QString() : mMessage->text();
}

void ReviewPanel::refresh()
{
    Database &db = mSession.database();
    const Result<Story> story =
        mStoryId ? StoryRepository(db).get(mStoryId) : Result<Story>(Refusal());
    setEnabled(story.ok());
    mDiff->clearDiff();
    mDiff->hide();
    mDiffLabel->hide();
    if (!story) {
        mStatus->setText(tr("No story open."));
        mApprovals->clear();
        mComment->hide();
        for (QPushButton *button : std::as_const(mButtons)) {
            button->hide();
        }
        mOneStep->hide();
        emit refreshed();
        return;
    }
    const Workflow workflow(db);
    const ApprovalState approval = workflow.approvalState(*story);
    mStatus->setText(Workflow::statusText(story->status, approval));

    QStringList lines;
    const QVector<Approval> approvals =
        ApprovalRepository(db).forStory(mStoryId).value_or(QVector<Approval>());
    for (const Approval &a : approvals) {
        lines << tr("Revision %1 approved by %2, %3")
                     .arg(a.revisionNumber)
                     .arg(a.personName, localTime(a.approvedAt));
    }
    mApprovals->setText(lines.isEmpty() ? tr("Not approved yet.") : lines.join(QLatin1Char('\n')));

    const QVector<WorkflowAction> available =
        Workflow::availableActions(story->status, mSession.person());
    for (auto it = mButtons.cbegin(); it != mButtons.cend(); ++it) {
        it.value()->setVisible(available.contains(it.key()));
    }
    mOneStep->setVisible(
        workflow.submitAndApproveRefusal(story->status, mSession.person()).isEmpty());
    mComment->setVisible(!available.isEmpty() || mOneStep->isVisibleTo(this));

    if (approval.changedSinceApproval && approval.approval) {
        const Result<Revision> approved =
            RevisionRepository(db).byId(approval.approval->revisionId);
        if (approved) {
            mDiff->setDiffHtml(readableDiffToHtml(readableDiff(approved->story, *story)));
            mDiff->show();
            mDiffLabel->show();
        }
    }
    emit refreshed();
}

bool ReviewPanel::perform(WorkflowAction action)
{
    if (!mStoryId) {
        return false;
    }
    if (!mSession.flush()) {
        showMessage(tr("The open story could not be saved, so its state was not changed."), true);
        return false;
    }
    const QString comment = mComment->toPlainText().trimmed();
    const auto result =
        StoryWriter(mSession.database()).perform(mStoryId, action, mSession.person(), comment);
    if (!result) {
        showMessage(refusalText(result.refusal()), true);
        if (action == WorkflowAction::RequestChanges && comment.isEmpty()) {
            mComment->setFocus();
        }
        refresh();
        return false;
    }
    mComment->clear();
    showMessage(tr("%1: now %2.").arg(actionLabel(action), statusLabel(result->to)), false);
    // The one refresh path: this panel, the history, the comments, the list and the editor's
    // state line each read the new state once.
    mSession.reportStateChanged(mStoryId);
    return true;
}

bool ReviewPanel::submitAndApprove()
{
    if (!mStoryId) {
        return false;
    }
    if (!mSession.flush()) {
        showMessage(tr("The open story could not be saved, so its state was not changed."), true);
        return false;
    }
    const Result<WorkflowResult> result =
        StoryWriter(mSession.database())
            .submitAndApprove(mStoryId, mSession.person(), mComment->toPlainText().trimmed());
    if (!result) {
        showMessage(refusalText(result.refusal()), true);
        refresh();
        return false;
    }
    mComment->clear();
    showMessage(tr("Submitted and approved: now %1.").arg(statusLabel(result->to)), false);
    mSession.reportStateChanged(mStoryId);
    return true;
}

void ReviewPanel::showMessage(const QString &text, bool error)
{
    mMessage->showMessage(text, error ? ErrorStrip::Kind::Error : ErrorStrip::Kind::Info);
}

ReviewPanel::~ReviewPanel()
{
    disconnectChildSignals(this);
}

} // namespace fo
