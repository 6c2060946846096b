#pragma once

#include "base/refusal.h"
#include "domain/story.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// The story list as a table: one row per story of the current filter, newest first (best match
/// first when searching).
///
/// Rows are read lazily, a page at a time, through StoryRepository::list(); filtering and sorting
/// happen in SQL, so a view never needs a QSortFilterProxyModel and a library of 100,000 stories
/// is never read whole. The model never counts the whole result: it knows there is more when a
/// page came back full. Qt Core only, so that benchmarks and tools can use it without widgets.
class StoryListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        HeadlineColumn,
        OfficeColumn,
        StatusColumn,
        DatelineColumn,
        UpdatedColumn,
        ColumnCount
    };

    enum Role
    {
        StoryIdRole = Qt::UserRole + 1, // qint64
        SnippetRole, // QString with matched words wrapped in \x02 ... \x03 while searching,
                     // a null QVariant otherwise (so views can tell the two apart)
        StatusRole,  // int, a StoryStatus
    };

    /// Rows read per query. Large enough to fill any window, small enough to read in a blink.
    static constexpr int kPageSize = 200;

    /// Loads the first page of the whole library (no filter).
    explicit StoryListModel(Database &db, QObject *parent = nullptr);
    /// Loads the first page for `filter`: the list a window starts with is read once.
    StoryListModel(Database &db, const StoryFilter &filter, QObject *parent = nullptr);

    StoryFilter filter() const { return mFilter; }
    /// Shows the stories matching `filter`, starting again from the first page. Setting the
    /// filter that is already shown does nothing, so a view keeps its selection.
    void setFilter(const StoryFilter &filter);
    /// Reads the list again with the same filter, as many rows as were loaded (rounded up to a
    /// page), so a view keeps its scroll position.
    void refresh();

    /// True while the filter has a search: rows then carry snippets and come best match first.
    bool isSearching() const { return mSearching; }
    /// True when the filter filters anything at all.
    bool isFiltered() const;
    /// True when the library has no story that a list could show, whatever the filter.
    bool isLibraryEmpty() const;
    /// Why the last read failed; nullopt when it succeeded.
    std::optional<Refusal> lastRefusal() const { return mLastRefusal; }

    /// 0 when `row` is out of range.
    qint64 storyIdAt(int row) const;
    /// The row of the story among the rows loaded so far; -1 when it is not (yet) loaded.
    int rowOfStory(qint64 id) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    /// A read failed; the list shows what it had.
    void loadFailed(const fo::Refusal &why);

private:
    /// Replaces all rows with the first `limit` rows of the current filter.
    void reload(int limit);
    /// Takes `filter` and reads its first page.
    void useFilter(const StoryFilter &filter);
    /// Reads up to `limit` rows at the current SQL offset; appends those not loaded yet.
    /// Returns the new rows, and sets mHasMore.
    QVector<StoryRow> readPage(int limit);
    void appendRows(const QVector<StoryRow> &rows);
    QString displayText(const StoryRow &row, int column) const;
    QString toolTip(const StoryRow &row, int column) const;

    Database &mDb;
    StoryFilter mFilter;
    bool mSearching = false;
    QVector<StoryRow> mRows;
    QHash<qint64, int> mRowOfId;
    int mSqlOffset = 0; // rows the query has returned so far, duplicates included
    bool mHasMore = false;
    std::optional<Refusal> mLastRefusal;
};

} // namespace fo
