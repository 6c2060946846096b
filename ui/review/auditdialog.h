#pragma once

#include "library/auditlog.h"

#include <QAbstractTableModel>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QTableView;

namespace fo {

class Database;
class StoryPicker;

/// The audit trail through a filter, newest first, read a page at a time as the view scrolls
/// (canFetchMore/fetchMore), so that a long trail is never read whole. Filtering happens in SQL.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 200;
    enum Column
    {
        WhenColumn,
        ActionColumn,
        StoryColumn,
        RevisionColumn,
        PersonColumn,
        DetailColumn,
        ColumnCount
    };

    explicit AuditTableModel(Database &db, QObject *parent = nullptr);

    void setFilter(const AuditFilter &filter);
    const AuditFilter &filter() const { return mFilter; }
    /// How many rows match the filter (not all of them need be fetched).
    int totalCount() const { return mTotal; }
    QString lastError() const { return mError; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    Database &mDb;
    AuditFilter mFilter;
    QVector<AuditEntry> mRows;
    int mTotal = 0;
    QString mError;
};

/// The audit trail in a window of its own: who did what to which story when, filterable by
/// story, person, action and time range.
class AuditDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AuditDialog(Database &db, QWidget *parent = nullptr);
    ~AuditDialog() override;

    AuditTableModel *model() const { return mModel; }
    StoryPicker *storyPicker() const { return mStory; }

private:
    void applyFilter();

    Database &mDb;
    AuditTableModel *mModel = nullptr;
    StoryPicker *mStory = nullptr;
    QComboBox *mPerson = nullptr;
    QComboBox *mAction = nullptr;
    QCheckBox *mUseFrom = nullptr;
    QDateTimeEdit *mFrom = nullptr;
    QCheckBox *mUseTo = nullptr;
    QDateTimeEdit *mTo = nullptr;
    QTableView *mView = nullptr;
    QLabel *mCount = nullptr;
};

} // namespace fo
