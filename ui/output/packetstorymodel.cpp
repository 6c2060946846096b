#include "output/packetstorymodel.h"

#include <algorithm>

namespace fo {

PacketStoryModel::PacketStoryModel(QObject *parent) : QAbstractListModel(parent) {}

int PacketStoryModel::append(const QVector<Story> &stories)
{
    QVector<Item> added;
    for (const Story &story : stories) {
        const bool listed = std::any_of(mItems.cbegin(), mItems.cend(),
                                        [&](const Item &i) { return i.id == story.id; }) ||
                            std::any_of(added.cbegin(), added.cend(),
                                        [&](const Item &i) { return i.id == story.id; });
        if (!listed) {
            added.append(Item{story.id, story.headline, story.status});
        }
    }
    if (added.isEmpty()) {
        return 0;
    }
    const int first = int(mItems.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    mItems += added;
    endInsertRows();
    return int(added.size());
}

QVector<qint64> PacketStoryModel::storyIds() const
{
    QVector<qint64> ids;
    ids.reserve(mItems.size());
    for (const Item &item : mItems) {
        ids.append(item.id);
    }
    return ids;
}

int PacketStoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mItems.size());
}

QVariant PacketStoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Item &item = mItems.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        // The state only when it is not the expected one, so that headlines keep the room.
        const bool approved =
            item.status == StoryStatus::Approved || item.status == StoryStatus::Released;
        const QString headline = item.headline.isEmpty() ? tr("(no headline)") : item.headline;
        return approved
                   ? tr("%1. %2").arg(index.row() + 1).arg(headline)
                   : tr("%1. [%2] %3").arg(index.row() + 1).arg(statusLabel(item.status), headline);
    }
    case Qt::ToolTipRole:
        return tr("Story %1 (%2): %3").arg(item.id).arg(statusLabel(item.status), item.headline);
    case StoryIdRole:
        return item.id;
    default:
        return {};
    }
}

Qt::ItemFlags PacketStoryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::ItemIsDropEnabled; // drops go between rows, never onto one
    }
    return QAbstractListModel::flags(index) | Qt::ItemIsDragEnabled;
}

Qt::DropActions PacketStoryModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

bool PacketStoryModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                const QModelIndex &destinationParent, int destinationChild)
{
    const int n = int(mItems.size());
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 ||
        sourceRow + count > n || destinationChild < 0 || destinationChild > n ||
        (destinationChild >= sourceRow && destinationChild <= sourceRow + count)) {
        return false;
    }
    beginMoveRows(QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild);
    const QVector<Item> moving = mItems.mid(sourceRow, count);
    mItems.remove(sourceRow, count);
    const int at = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i) {
        mItems.insert(at + i, moving.at(i));
    }
    endMoveRows();
    // The numbers in front of the headlines follow the order.
    Q_EMIT dataChanged(index(0), index(n - 1), {Qt::DisplayRole});
    return true;
}

bool PacketStoryModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || count <= 0 || row < 0 || row + count > mItems.size()) {
        return false;
    }
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    mItems.remove(row, count);
    endRemoveRows();
    if (!mItems.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(int(mItems.size()) - 1), {Qt::DisplayRole});
    }
    return true;
}

} // namespace fo
