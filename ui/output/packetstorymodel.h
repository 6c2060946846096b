#pragma once

#include "domain/story.h"

#include <QAbstractListModel>
#include <QVector>

namespace fo {

/// The stories of a press packet being put together, in packet order: id, headline and state.
/// A short list the user builds by hand, so it is held whole. Rows move by drag and drop
/// (moveRows, which QListView's internal move uses) or by moveRow from buttons.
class PacketStoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        StoryIdRole = Qt::UserRole + 1, // qint64
    };

    struct Item
    {
        qint64 id = 0;
        QString headline;
        StoryStatus status = StoryStatus::Draft;
    };

    explicit PacketStoryModel(QObject *parent = nullptr);

    /// Adds the stories not listed yet, at the end; returns how many were added.
    int append(const QVector<Story> &stories);
    QVector<qint64> storyIds() const;
    const Item &item(int row) const { return mItems.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

private:
    QVector<Item> mItems;
};

} // namespace fo
