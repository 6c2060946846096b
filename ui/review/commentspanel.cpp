#include "review/commentspanel.h"
#include "common/childsignals.h"
#include "messages/refusaltext.h"

#include "comments/selectionanchor.h"
#include "common/errorstrip.h"
#include "common/session.h"
#include "stories/storyrepository.h"

#include <QGridLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QTextEdit>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace fo {

namespace {

constexpr int kCommentIdRole = Qt::UserRole + 1;

/// Rows as tall as their text wrapped at the view's width: QTreeView asks the delegate for a
/// size without a width, so a long comment was cut to its first lines.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view) : QStyledItemDelegate(view), mView(view) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        int depth = 1;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) {
            ++depth;
        }
        const int width = qMax(80, mView->viewport()->width() - depth * mView->indentation());
        const QRect text = opt.fontMetrics.boundingRect(QRect(0, 0, width - 8, 100000),
                                                        Qt::TextWordWrap, opt.text);
        return QSize(width, text.height() + 6);
    }

private:
    QTreeView *mView;
};

QString anchorLine(const Comment &comment, const QString &body)
{
    const AnchorMatch match = locateAnchor(comment.anchor, body);
    QString quote = readableQuote(comment.anchor.quote);
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
    mView->setTextElideMode(Qt::ElideNone);
    mView->setItemDelegate(new WrappingDelegate(mView));
    // As wide as the view, so that long comments wrap instead of running off to the right.
    mView->header()->setStretchLastSection(true);
    mView->header()->setSectionResizeMode(QHeaderView::Stretch);
    // Row heights are measured at the column's width: measured again when it changes.
    connect(mView->header(), &QHeaderView::sectionResized, mView,
            [this] { QTimer::singleShot(0, mView, &QTreeView::doItemsLayout); });
    layout->addWidget(mView, 2);

    // The list shows each comment's first lines; the selected one is read here whole.
    mDetail = new QTextBrowser(this);
    mDetail->setObjectName(QStringLiteral("commentDetail"));
    mDetail->setAccessibleName(tr("Selected comment"));
    mDetail->setOpenLinks(false);
    mDetail->setPlaceholderText(tr("Select a comment to read it whole and see its passage."));
    layout->addWidget(mDetail, 1);

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
    // From the list Tab goes to writing a comment, as before; the whole comment comes last.
    setTabOrder(mView, mText);
    setTabOrder(mText, mAdd);
    setTabOrder(mAdd, mAddAnchored);
    setTabOrder(mAddAnchored, mReply);
    setTabOrder(mReply, mResolve);
    setTabOrder(mResolve, mDetail);

    connect(mAdd, &QPushButton::clicked, this, [this] { addComment(false); });
    connect(mAddAnchored, &QPushButton::clicked, this, [this] { addComment(true); });
    connect(mReply, &QPushButton::clicked, this, &CommentsPanel::reply);
    connect(mResolve, &QPushButton::clicked, this, &CommentsPanel::toggleResolved);
    connect(mText, &QPlainTextEdit::textChanged, this, &CommentsPanel::updateButtons);
    connect(mView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CommentsPanel::updateButtons);
    connect(mView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CommentsPanel::showSelected);
    connect(mView, &QTreeView::clicked, this, [this] { showPassage(selectedCommentId()); });
    connect(mView, &QTreeView::activated, this, [this] { showPassage(selectedCommentId()); });
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
        item->setToolTip(c.text);
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
    showSelected();
    updateButtons();
}

void CommentsPanel::showSelected()
{
    const qint64 id = selectedCommentId();
    for (const Comment &c : std::as_const(mComments)) {
        if (c.id == id) {
            QString quote = readableQuote(c.anchor.quote);
            mDetail->setPlainText(quote.isEmpty() ? c.text
                                                  : tr("On “%1”\n\n%2").arg(quote, c.text));
            return;
        }
    }
    mDetail->clear();
}

bool CommentsPanel::showPassage(qint64 commentId)
{
    const qint64 root = threadOf(commentId);
    if (!mBody || !root) {
        return false;
    }
    for (const Comment &c : std::as_const(mComments)) {
        if (c.id != root || c.anchor.isNull()) {
            continue;
        }
        // The anchor points into the stored Markdown; the editor shows it rendered.
        const QString source =
            StoryRepository(mSession.database()).get(mStoryId).value_or(Story()).body;
        const AnchorMatch match = locateAnchor(c.anchor, source);
        if (match.kind == AnchorMatch::Kind::Lost) {
            return false;
        }
        const SourceAlignment alignment(mBody->document()->toRawText(), source);
        const TextRange shown = alignment.toRendered({match.start, match.length});
        if (!shown.isValid()) {
            return false;
        }
        QTextCursor cursor(mBody->document());
        cursor.setPosition(shown.start);
        cursor.setPosition(shown.start + shown.length, QTextCursor::KeepAnchor);
        mBody->setTextCursor(cursor);
        mBody->ensureCursorVisible();
        return true;
    }
    return false;
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
    const QTextCursor cursor = mBody ? mBody->textCursor() : QTextCursor();
    if (!cursor.hasSelection() || cursor.selectedText().trimmed().isEmpty()) {
        *error = tr("Select a passage of the text first.");
        return false;
    }
    // The editor shows formatted text; anchors point into the stored Markdown. What was typed
    // is written first, so that the two hold the same words.
    if (!mSession.flush()) {
        *error = tr("The text could not be saved, so the comment cannot point into it yet.");
        return false;
    }
    const QString source =
        StoryRepository(mSession.database()).get(mStoryId).value_or(Story()).body;
    *anchor = anchorForRenderedSelection(mBody->document()->toRawText(), cursor.selectionStart(),
                                         cursor.selectionEnd(), source);
    if (anchor->isNull()) {
        *error = tr("The selected passage could not be found in the saved text.");
        return false;
    }
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
