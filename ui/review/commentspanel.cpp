#include "review/commentspanel.h"
#include "common/childsignals.h"
#include "messages/refusaltext.h"

#include "common/errorstrip.h"
#include "common/session.h"
#include "stories/storyrepository.h"

#include <QGridLayout>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTextEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace fo {

namespace {

constexpr int kCommentIdRole = Qt::UserRole + 1;

QString anchorLine(const Comment &comment, const QString &body)
{
    const AnchorMatch match = locateAnchor(comment.anchor, body);
    QString quote = comment.anchor.quote.simplified();
    if (quote.size() > 80) {
        quote = quote.left(78) + QStringLiteral("…");
    }
    switch (match.kind) {
    case AnchorMatch::Kind::Exact:
        return CommentsPanel::tr("On “%1”").arg(quote);
    case AnchorMatch::Kind::Approximate:
        return CommentsPanel::tr("On “%1” (since edited)").arg(quote);
    case AnchorMatch::Kind::Lost:
        return CommentsPanel::tr("On “%1” (no longer in the text)").arg(quote);
    case AnchorMatch::Kind::General:
        break;
    }
    return QString();
}

} // namespace

CommentsPanel::CommentsPanel(Session &session, QWidget *parent)
    : QWidget(parent), mSession(session), mModel(new QStandardItemModel(this))
{
    auto *layout = new QVBoxLayout(this);
    mView = new QTreeView(this);
    mView->setObjectName(QStringLiteral("commentsView"));
    mView->setAccessibleName(tr("Comments"));
    mView->setModel(mModel);
    mView->setHeaderHidden(true);
    mView->setWordWrap(true);
    mView->setUniformRowHeights(false);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(mView, 1);

    mText = new QPlainTextEdit(this);
    mText->setObjectName(QStringLiteral("commentText"));
    mText->setAccessibleName(tr("Comment text"));
    mText->setPlaceholderText(tr("Write a comment…"));
    mText->setTabChangesFocus(true);
    mText->setMaximumHeight(80);
    layout->addWidget(mText);

    auto *grid = new QGridLayout;
    mAdd = new QPushButton(tr("Co&mment"), this);
    mAdd->setObjectName(QStringLiteral("commentAdd"));
    mAddAnchored = new QPushButton(tr("On &Selection"), this);
    mAddAnchored->setObjectName(QStringLiteral("commentAddAnchored"));
    mAdd->setAccessibleName(tr("Add comment"));
    mAddAnchored->setAccessibleName(tr("Comment on the selected passage"));
    mAddAnchored->setToolTip(tr("Comment on the passage selected in the story's text"));
    mReply = new QPushButton(tr("Rep&ly"), this);
    mReply->setObjectName(QStringLiteral("commentReply"));
    mResolve = new QPushButton(tr("Resol&ve"), this);
    mResolve->setObjectName(QStringLiteral("commentResolve"));
    mReply->setAccessibleName(tr("Reply to the thread"));
    mResolve->setAccessibleName(tr("Resolve or reopen the thread"));
    grid->addWidget(mAdd, 0, 0);
    grid->addWidget(mAddAnchored, 0, 1);
    grid->addWidget(mReply, 1, 0);
    grid->addWidget(mResolve, 1, 1);
    layout->addLayout(grid);

    mMessage = new ErrorStrip(this);
    mMessage->setObjectName(QStringLiteral("commentMessage"));
    layout->addWidget(mMessage);

    connect(mAdd, &QPushButton::clicked, this, [this] { addComment(false); });
    connect(mAddAnchored, &QPushButton::clicked, this, [this] { addComment(true); });
    connect(mReply, &QPushButton::clicked, this, &CommentsPanel::reply);
    connect(mResolve, &QPushButton::clicked, this, &CommentsPanel::toggleResolved);
    connect(mText, &QPlainTextEdit::textChanged, this, &CommentsPanel::updateButtons);
    connect(mView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CommentsPanel::updateButtons);
    connect(&mSession, &Session::personChanged, this, &CommentsPanel::updateButtons);
    updateButtons();
}

void CommentsPanel::setStory(qint64 id)
{
    if (id != mStoryId) {
        mMessage->hide();
    }
    mStoryId = id;
    refresh();
}

void CommentsPanel::refresh()
{
    const qint64 current = selectedCommentId();
    mModel->clear();
    mComments.clear();
    setEnabled(mStoryId != 0);
    if (!mStoryId) {
        updateButtons();
        return;
    }
    Database &db = mSession.database();
    const Result<QVector<Comment>> comments = CommentRepository(db).forStory(mStoryId);
    mComments = comments.value_or(QVector<Comment>());
    if (!comments) {
        showError(refusalText(comments.refusal()));
    }
    const QString body = StoryRepository(db).get(mStoryId).value_or(Story()).body;
    QHash<qint64, QStandardItem *> threads;
    QModelIndex select;
    for (const Comment &c : std::as_const(mComments)) {
        QStringList lines;
        lines << tr("%1 · %2").arg(
            c.personName, QLocale().toString(c.createdAt.toLocalTime(), QLocale::ShortFormat));
        if (c.parentId == 0) {
            const QString anchor = anchorLine(c, body);
            if (!anchor.isEmpty()) {
                lines << anchor;
            }
            if (c.isResolved()) {
                lines << tr("Resolved by %1").arg(c.resolvedBy);
            }
        }
        lines << c.text;
        auto *item = new QStandardItem(lines.join(QLatin1Char('\n')));
        item->setData(c.id, kCommentIdRole);
        if (c.parentId == 0 && c.isResolved()) {
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        }
        if (QStandardItem *thread = threads.value(c.parentId)) {
            thread->appendRow(item);
        } else {
            mModel->appendRow(item);
            threads.insert(c.id, item);
        }
        if (c.id == current) {
            select = item->index();
        }
    }
    mView->expandAll();
    if (select.isValid()) {
        mView->setCurrentIndex(select);
    }
    updateButtons();
}

qint64 CommentsPanel::selectedCommentId() const
{
    return mView->currentIndex().data(kCommentIdRole).toLongLong();
}

void CommentsPanel::updateButtons()
{
    const bool canWrite = mSession.hasPerson() && mStoryId != 0;
    const bool hasText = !mText->toPlainText().trimmed().isEmpty();
    const qint64 selected = selectedCommentId();
    mAdd->setEnabled(canWrite && hasText);
    mAddAnchored->setEnabled(canWrite && hasText && mBody);
    mReply->setEnabled(canWrite && hasText && selected);
    mResolve->setEnabled(canWrite && selected);
    const qint64 root = threadOf(selected);
    bool resolved = false;
    for (const Comment &c : std::as_const(mComments)) {
        resolved = resolved || (c.id == root && c.isResolved());
    }
    mResolve->setText(resolved ? tr("Reo&pen") : tr("Resol&ve"));
}

bool CommentsPanel::anchorForSelection(CommentAnchor *anchor, QString *error) const
{
    // The editor shows formatted text; anchors point into the stored Markdown. The selected
    // words are found there, nearest to where they are in the document.
    const QTextCursor cursor = mBody ? mBody->textCursor() : QTextCursor();
    QString quote = cursor.selectedText();
    quote.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    quote = quote.trimmed();
    if (quote.isEmpty()) {
        *error = tr("Select a passage of the text first.");
        return false;
    }
    const QString body = StoryRepository(mSession.database()).get(mStoryId).value_or(Story()).body;
    int best = -1;
    for (int at = body.indexOf(quote); at >= 0; at = body.indexOf(quote, at + 1)) {
        if (best < 0 || qAbs(at - cursor.selectionStart()) < qAbs(best - cursor.selectionStart())) {
            best = at;
        }
    }
    if (best < 0) {
        *error = tr("The selected passage spans formatting or is not saved yet; select words "
                    "within one paragraph and try again.");
        return false;
    }
    *anchor = CommentAnchor::fromSelection(body, best, int(quote.size()));
    return true;
}

bool CommentsPanel::addComment(bool anchored)
{
    const QString text = mText->toPlainText().trimmed();
    if (!mStoryId || text.isEmpty()) {
        return false;
    }
    CommentAnchor anchor;
    QString error;
    if (anchored && !anchorForSelection(&anchor, &error)) {
        showError(error);
        return false;
    }
    if (!post(text, anchor, 0)) {
        return false;
    }
    mView->setCurrentIndex(mModel->index(mModel->rowCount() - 1, 0));
    return true;
}

bool CommentsPanel::post(const QString &text, const CommentAnchor &anchor, qint64 parent)
{
    const auto added = CommentRepository(mSession.database())
                           .add(mStoryId, mSession.person(), text, anchor, parent);
    if (!added) {
        showError(refusalText(added.refusal()));
        return false;
    }
    mText->clear();
    mMessage->hide();
    refresh();
    emit commentsChanged(mStoryId);
    return true;
}

qint64 CommentsPanel::threadOf(qint64 commentId) const
{
    for (const Comment &c : std::as_const(mComments)) {
        if (c.id == commentId) {
            return c.parentId ? c.parentId : c.id;
        }
    }
    return 0;
}

bool CommentsPanel::reply()
{
    const QString text = mText->toPlainText().trimmed();
    const qint64 parent = threadOf(selectedCommentId()); // replies hang off the thread's start
    if (!mStoryId || text.isEmpty() || !parent) {
        return false;
    }
    return post(text, CommentAnchor(), parent);
}

bool CommentsPanel::toggleResolved()
{
    const qint64 id = selectedCommentId();
    CommentRepository comments(mSession.database());
    const Result<Comment> comment = comments.get(id);
    if (!comment) {
        return false;
    }
    const Result<Comment> root = comment->parentId ? comments.get(comment->parentId) : comment;
    if (!root) {
        showError(QString());
        return false;
    }
    if (const Status done = comments.setResolved(root->id, !root->isResolved(), mSession.person());
        !done) {
        showError(refusalText(done.refusal()));
        return false;
    }
    mMessage->hide();
    refresh();
    emit commentsChanged(mStoryId);
    return true;
}

void CommentsPanel::showError(const QString &error)
{
    mMessage->showMessage(error);
}

CommentsPanel::~CommentsPanel()
{
    disconnectChildSignals(this);
}

} // namespace fo
