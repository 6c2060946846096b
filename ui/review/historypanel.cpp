#include "review/historypanel.h"
#include "common/childsignals.h"
#include "messages/refusaltext.h"

#include "common/errorstrip.h"
#include "common/session.h"
#include "history/readablediff.h"
#include "review/diffview.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"
#include "workflow/workflow.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace fo {

namespace {

QString kindLabel(RevisionKind kind)
{
    switch (kind) {
    case RevisionKind::Created:
        return RevisionTableModel::tr("Created");
    case RevisionKind::Baseline:
        return RevisionTableModel::tr("Baseline");
    case RevisionKind::Edit:
        return RevisionTableModel::tr("Edit");
    case RevisionKind::State:
        return RevisionTableModel::tr("State change");
    case RevisionKind::Restore:
        return RevisionTableModel::tr("Restore");
    }
    return QString();
}

} // namespace

void RevisionTableModel::setRevisions(const QVector<Revision> &revisions)
{
    beginResetModel();
    mRevisions = revisions;
    endResetModel();
}

int RevisionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRevisions.size());
}

int RevisionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRevisions.size()) {
        return QVariant();
    }
    const Revision &r = mRevisions.at(index.row());
    if (role == Qt::UserRole) {
        return r.number;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return QVariant();
    }
    switch (index.column()) {
    case NumberColumn:
        return r.number;
    case WhenColumn:
        return QLocale().toString(r.updatedAt.isValid() ? r.updatedAt.toLocalTime()
                                                        : r.createdAt.toLocalTime(),
                                  QLocale::NarrowFormat);
    case WhoColumn:
        return r.personName.isEmpty() ? tr("(nobody)") : r.personName;
    case StateColumn:
        return statusLabel(r.status);
    case KindColumn:
        return r.note.isEmpty() || role == Qt::DisplayRole
                   ? kindLabel(r.kind)
                   : QStringLiteral("%1: %2").arg(kindLabel(r.kind), r.note);
    }
    return QVariant();
}

QVariant RevisionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QVariant();
    }
    switch (section) {
    case NumberColumn:
        return tr("#");
    case WhenColumn:
        return tr("When");
    case WhoColumn:
        return tr("Who");
    case StateColumn:
        return tr("State");
    case KindColumn:
        return tr("Kind");
    }
    return QVariant();
}

HistoryPanel::HistoryPanel(Session &session, QWidget *parent)
    : QWidget(parent), mSession(session), mModel(new RevisionTableModel(this))
{
    auto *layout = new QVBoxLayout(this);
    mView = new QTableView(this);
    mView->setObjectName(QStringLiteral("historyView"));
    mView->setAccessibleName(tr("Revisions"));
    mView->setModel(mModel);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->verticalHeader()->hide();
    // Number, state and date as wide as they are, first, so that a narrow dock shows them
    // whole; the kind and who made the revision after them, who taking what is left.
    QHeaderView *header = mView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RevisionTableModel::WhoColumn, QHeaderView::Stretch);
    header->moveSection(header->visualIndex(RevisionTableModel::StateColumn), 1);
    header->moveSection(header->visualIndex(RevisionTableModel::WhoColumn),
                        RevisionTableModel::ColumnCount - 1);
    mView->setWordWrap(false);
    layout->addWidget(mView, 2);

    auto *buttons = new QHBoxLayout;
    mCompare = new QPushButton(tr("&Compare"), this);
    mCompare->setObjectName(QStringLiteral("historyCompare"));
    mCompare->setAccessibleName(tr("Compare revisions"));
    mCompare->setToolTip(tr("Select two revisions to compare them"));
    mRestore = new QPushButton(tr("Restore…"), this);
    mRestore->setObjectName(QStringLiteral("historyRestore"));
    mRestore->setAccessibleName(tr("Restore revision"));
    mRestore->setToolTip(tr("Make the selected revision's content the story's content again"));
    buttons->addWidget(mCompare);
    buttons->addWidget(mRestore);
    buttons->addStretch();
    layout->addLayout(buttons);
    mMessage = new ErrorStrip(this);
    mMessage->setObjectName(QStringLiteral("historyMessage"));
    layout->addWidget(mMessage);

    mDiff = new DiffView(this);
    mDiff->setObjectName(QStringLiteral("historyDiff"));
    mDiff->setAccessibleName(tr("Differences between revisions"));
    layout->addWidget(mDiff, 3);

    mConfirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Restore Revision"), question,
                                     QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    connect(mView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::updateButtons);
    connect(mCompare, &QPushButton::clicked, this, [this] {
        const QVector<int> numbers = selectedNumbers();
        if (numbers.size() == 2) {
            compare(numbers.at(0), numbers.at(1));
        }
    });
    connect(mRestore, &QPushButton::clicked, this, [this] {
        const QVector<int> numbers = selectedNumbers();
        if (numbers.size() == 1) {
            restore(numbers.first());
        }
    });
    connect(&mSession, &Session::personChanged, this, &HistoryPanel::updateButtons);
    updateButtons();
}

void HistoryPanel::setStory(qint64 id)
{
    if (id != mStoryId) {
        mDiff->clearDiff();
        mMessage->clearMessage();
    }
    mStoryId = id;
    refresh();
}

void HistoryPanel::refresh()
{
    const Result<QVector<Revision>> revisions =
        mStoryId ? RevisionRepository(mSession.database()).forStory(mStoryId, false)
                 : Result<QVector<Revision>>(QVector<Revision>());
    mModel->setRevisions(revisions.value_or(QVector<Revision>()));
    if (!revisions) {
        mDiff->setPlainText(
            tr("Cannot read the history: %1").arg(refusalText(revisions.refusal())));
    }
    setEnabled(mStoryId != 0);
    updateButtons();
}

QVector<int> HistoryPanel::selectedNumbers() const
{
    QVector<int> numbers;
    for (const QModelIndex &index : mView->selectionModel()->selectedRows()) {
        numbers << mModel->revisionAt(index.row()).number;
    }
    std::sort(numbers.begin(), numbers.end()); // older first
    return numbers;
}

void HistoryPanel::updateButtons()
{
    const int selected = int(mView->selectionModel()->selectedRows().size());
    mCompare->setEnabled(selected == 2);
    mRestore->setEnabled(selected == 1 && mSession.hasPerson());
}

bool HistoryPanel::compare(int older, int newer)
{
    const RevisionRepository revisions(mSession.database());
    const Result<Revision> a = revisions.get(mStoryId, older);
    const Result<Revision> b = a ? revisions.get(mStoryId, newer) : a;
    if (!b) {
        mDiff->setPlainText(tr("Cannot compare: %1").arg(refusalText(b.refusal())));
        return false;
    }
    const ReadableDiff diff = readableDiff(a->story, b->story);
    const bool changed = !diff.isEmpty();
    mDiff->setDiffHtml(
        changed ? readableDiffToHtml(diff)
                : tr("<p>Revisions %1 and %2 have the same content.</p>").arg(older).arg(newer));
    return true;
}

bool HistoryPanel::restore(int number)
{
    if (!mStoryId ||
        !mConfirm(tr("Make revision %1 the story's content again? The current content stays "
                     "in the history, and an approved story goes back to Draft.")
                      .arg(number))) {
        return false;
    }
    if (!mSession.flush()) {
        return false;
    }
    const Result<Revision> restored =
        StoryWriter(mSession.database()).restore(mStoryId, number, mSession.person());
    if (!restored) {
        mMessage->showMessage(tr("Not restored: %1").arg(refusalText(restored.refusal())));
        return false;
    }
    mMessage->clearMessage();
    mSession.reportStateChanged(mStoryId); // this panel is read again with the rest
    return true;
}

QString HistoryPanel::messageText() const
{
    return mMessage->message();
}

HistoryPanel::~HistoryPanel()
{
    disconnectChildSignals(this);
}

} // namespace fo
