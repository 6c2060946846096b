#pragma once

#include "history/revisionrepository.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <functional>

class QPushButton;
class QTableView;

namespace fo {

class DiffView;
class ErrorStrip;
class Session;

/// The revisions of one story, newest first: number, when, who, state, kind. A story keeps
/// one revision per editing session and state change, so its list is read whole (without the
/// snapshots, which are read only to compare or restore).
class RevisionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        WhenColumn,
        WhoColumn,
        StateColumn,
        KindColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRevisions(const QVector<Revision> &revisions);
    const Revision &revisionAt(int row) const { return mRevisions.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<Revision> mRevisions;
};

/// The history of the open story: its revisions, a word diff of any two (additions and
/// removals marked), and restoring one (as a new revision, after asking).
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(Session &session, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    /// Asks before a restore; by default a message box. Tests answer themselves.
    void setConfirm(std::function<bool(const QString &question)> confirm)
    {
        mConfirm = std::move(confirm);
    }

    void setStory(qint64 id);
    void refresh();

    RevisionTableModel *model() const { return mModel; }
    QTableView *view() const { return mView; }
    DiffView *diffView() const { return mDiff; }

    /// Shows the diff from revision `older` to revision `newer`.
    bool compare(int older, int newer);
    /// Restores revision `number` after confirmation, once the session has flushed the open
    /// story's pending edits; reports the change to the session (Session::reportStateChanged).
    bool restore(int number);
    /// Why the last restore failed; empty when it worked.
    QString messageText() const;

private:
    QVector<int> selectedNumbers() const;
    void updateButtons();

    Session &mSession;
    std::function<bool(const QString &)> mConfirm;
    qint64 mStoryId = 0;
    RevisionTableModel *mModel = nullptr;
    QTableView *mView = nullptr;
    QPushButton *mCompare = nullptr;
    QPushButton *mRestore = nullptr;
    DiffView *mDiff = nullptr;
    ErrorStrip *mMessage = nullptr;
};

} // namespace fo
