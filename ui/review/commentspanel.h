#pragma once

#include "comments/commentrepository.h"

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTextBrowser;
class QTextEdit;
class QTreeView;

namespace fo {

class ErrorStrip;
class Session;

/// The comments of the open story, in threads: a general comment, one on the passage selected
/// in the body, a reply, resolving a thread. An anchored thread shows its quoted passage and
/// whether that passage is still in the text.
class CommentsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CommentsPanel(Session &session, QWidget *parent = nullptr);
    ~CommentsPanel() override;

    /// The body editor whose selection "Comment on Selection" quotes.
    void setBodyEditor(QTextEdit *body) { mBody = body; }
    /// The story's body as stored (Markdown), which anchors point into.
    void setStory(qint64 id);
    void refresh();

    QTreeView *view() const { return mView; }
    QStandardItemModel *model() const { return mModel; }

    /// Adds the typed text as a new thread (anchored to the body's selection when `anchored`)
    /// or as a reply to the selected thread.
    bool addComment(bool anchored);
    bool reply();
    bool toggleResolved();
    /// Selects in the body editor the passage of the thread `commentId` is in, and scrolls to
    /// it; false for a general comment or a passage no longer in the text.
    bool showPassage(qint64 commentId);
    QTextBrowser *detailView() const { return mDetail; }

signals:
    void commentsChanged(qint64 storyId);

private:
    qint64 selectedCommentId() const;
    /// The first comment of the thread `commentId` is in (0 when unknown).
    qint64 threadOf(qint64 commentId) const;
    /// Adds the comment (a reply when `parent` is set), empties the box and shows it.
    bool post(const QString &text, const CommentAnchor &anchor, qint64 parent);
    bool anchorForSelection(CommentAnchor *anchor, QString *error) const;
    void showError(const QString &error);
    void updateButtons();
    void showSelected();

    Session &mSession;
    QTextEdit *mBody = nullptr;
    qint64 mStoryId = 0;
    QVector<Comment> mComments;
    QStandardItemModel *mModel = nullptr;
    QTreeView *mView = nullptr;
    QTextBrowser *mDetail = nullptr;
    QPlainTextEdit *mText = nullptr;
    QPushButton *mAdd = nullptr;
    QPushButton *mAddAnchored = nullptr;
    QPushButton *mReply = nullptr;
    QPushButton *mResolve = nullptr;
    ErrorStrip *mMessage = nullptr;
};

} // namespace fo
