#include "search/storylistmodel.h"

#include "library/database.h"
#include "search/searchquery.h"
#include "search/storyquery.h"

#include <QLocale>

namespace fo {

namespace {

constexpr QChar kMatchStart(0x02);
constexpr QChar kMatchEnd(0x03);

bool sameFilter(const StoryFilter &a, const StoryFilter &b)
{
    return a.status == b.status && a.tag == b.tag && a.office == b.office && a.search == b.search &&
           a.includeDeleted == b.includeDeleted && a.onlyDeleted == b.onlyDeleted &&
           a.prefixLastWord == b.prefixLastWord;
}

/// The snippet as rich text for a tooltip: escaped, matched words in bold.
QString snippetHtml(const QString &snippet)
{
    QString html;
    QString run;
    for (const QChar c : snippet) {
        if (c == kMatchStart || c == kMatchEnd) {
            html += run.toHtmlEscaped();
            run.clear();
            html += c == kMatchStart ? QStringLiteral("<b>") : QStringLiteral("</b>");
        } else {
            run += c;
        }
    }
    return html + run.toHtmlEscaped();
}

} // namespace

StoryListModel::StoryListModel(Database &db, QObject *parent)
    : StoryListModel(db, StoryFilter(), parent)
{
}

StoryListModel::StoryListModel(Database &db, const StoryFilter &filter, QObject *parent)
    : QAbstractTableModel(parent), mDb(db)
{
    useFilter(filter);
}

void StoryListModel::setFilter(const StoryFilter &filter)
{
    if (!sameFilter(filter, mFilter)) {
        useFilter(filter);
    }
}

void StoryListModel::useFilter(const StoryFilter &filter)
{
    mFilter = filter;
    mSearching = !SearchQuery(filter.search).isEmpty();
    reload(kPageSize);
}

void StoryListModel::refresh()
{
    const int pages = (mSqlOffset + kPageSize - 1) / kPageSize;
    reload(qMax(1, pages) * kPageSize);
}

bool StoryListModel::isFiltered() const
{
    return mFilter.status || !mFilter.tag.trimmed().isEmpty() ||
           !mFilter.office.trimmed().isEmpty() || mSearching || mFilter.onlyDeleted;
}

bool StoryListModel::isLibraryEmpty() const
{
    if (!isFiltered() && !mLastRefusal) {
        return mRows.isEmpty() && !mHasMore;
    }
    // One row is enough to know; never a count over the whole table.
    const Result<QVector<StoryRow>> rows = StoryQuery(mDb).list(StoryFilter(), 0, 1, false);
    return !rows || rows->isEmpty();
}

qint64 StoryListModel::storyIdAt(int row) const
{
    return row >= 0 && row < mRows.size() ? mRows.at(row).id : 0;
}

int StoryListModel::rowOfStory(qint64 id) const
{
    return mRowOfId.value(id, -1);
}

int StoryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRows.size());
}

int StoryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StoryListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= mRows.size() ||
        index.column() >= ColumnCount) {
        return {};
    }
    const StoryRow &row = mRows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case StoryIdRole:
        return row.id;
    case SnippetRole:
        return mSearching ? QVariant(row.snippet) : QVariant();
    case StatusRole:
        return static_cast<int>(row.status);
    default:
        return {};
    }
}

QString StoryListModel::displayText(const StoryRow &row, int column) const
{
    switch (column) {
    case HeadlineColumn:
        // A new story has no headline yet; an empty row would look like a glitch.
        return row.headline.trimmed().isEmpty() ? tr("(untitled)") : row.headline;
    case OfficeColumn:
        return row.officeName;
    case StatusColumn:
        return statusLabel(row.status);
    case DatelineColumn:
        return row.dateline();
    case UpdatedColumn:
        // Stored in UTC; people think in their own time.
        return row.updatedAt.isValid()
                   ? QLocale().toString(row.updatedAt.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    default:
        return {};
    }
}

QString StoryListModel::toolTip(const StoryRow &row, int column) const
{
    switch (column) {
    case HeadlineColumn: {
        // Rich text, so that a long headline wraps and the matched words stand out.
        QString html = QStringLiteral("<p><b>%1</b></p>").arg(row.headline.toHtmlEscaped());
        if (mSearching && !row.snippet.isEmpty()) {
            html += QStringLiteral("<p>%1</p>").arg(snippetHtml(row.snippet));
        }
        return html;
    }
    case UpdatedColumn:
        return row.updatedAt.isValid()
                   ? QLocale().toString(row.updatedAt.toLocalTime(), QLocale::LongFormat)
                   : QString();
    default:
        return displayText(row, column);
    }
}

QVariant StoryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case HeadlineColumn:
        return tr("Headline");
    case OfficeColumn:
        return tr("Office");
    case StatusColumn:
        return tr("Status");
    case DatelineColumn:
        return tr("Dateline");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

Qt::ItemFlags StoryListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

bool StoryListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && mHasMore;
}

void StoryListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !mHasMore) {
        return;
    }
    const QVector<StoryRow> rows = readPage(kPageSize);
    if (!rows.isEmpty()) {
        const int first = int(mRows.size());
        beginInsertRows(QModelIndex(), first, first + int(rows.size()) - 1);
        appendRows(rows);
        endInsertRows();
    }
    if (mLastRefusal) {
        emit loadFailed(*mLastRefusal);
    }
}

void StoryListModel::reload(int limit)
{
    beginResetModel();
    mRows.clear();
    mRowOfId.clear();
    mSqlOffset = 0;
    mHasMore = false;
    appendRows(readPage(limit));
    endResetModel();
    if (mLastRefusal) {
        emit loadFailed(*mLastRefusal);
    }
}

QVector<StoryRow> StoryListModel::readPage(int limit)
{
    // One row more than asked tells whether another page exists, without counting.
    // After the first page, read on from the last row: constant cost however deep the list.
    const Result<QVector<StoryRow>> read =
        mRows.isEmpty()
            ? StoryQuery(mDb).list(mFilter, mSqlOffset, limit + 1, false)
            : StoryQuery(mDb).listAfter(mFilter, mRows.constLast(), mSqlOffset, limit + 1, false);
    QVector<StoryRow> page = read ? *read : QVector<StoryRow>();
    mLastRefusal = read ? std::nullopt : std::optional<Refusal>(read.refusal());
    mHasMore = read && page.size() > limit;
    if (page.size() > limit) {
        page.resize(limit);
    }
    mSqlOffset += int(page.size());
    // Offsets shift when a story changes between two pages; a story that moved up would come
    // again. Showing it twice would be wrong, so rows already loaded are skipped.
    QVector<StoryRow> fresh;
    fresh.reserve(page.size());
    for (const StoryRow &row : page) {
        if (!mRowOfId.contains(row.id)) {
            fresh.append(row);
        }
    }
    return fresh;
}

void StoryListModel::appendRows(const QVector<StoryRow> &rows)
{
    for (const StoryRow &row : rows) {
        mRowOfId.insert(row.id, int(mRows.size()));
        mRows.append(row);
    }
}

} // namespace fo
