#pragma once

#include "domain/story.h"
#include "library/officerepository.h"
#include "library/tagrepository.h"

#include <QTimer>
#include <QWidget>

class QModelIndex;

namespace fo {

class Database;
class StoryFilterBar;
class StoryListModel;
class StoryListView;
class UiSettings;

/// The library browser: the filter bar above the lazily loaded story list.
///
/// It reports the story the user picks (storyPicked) and keeps the open story selected
/// whenever the list is read again; a story the filters hide simply is not selected — the
/// editor keeps it open regardless.
class LibraryBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit LibraryBrowser(Database &db, QWidget *parent = nullptr);
    ~LibraryBrowser() override;

    StoryListModel *model() const { return mModel; }
    StoryFilterBar *filterBar() const { return mFilterBar; }
    StoryListView *listView() const { return mList; }
    StoryFilter filter() const;

    void restoreState(const UiSettings &settings);
    void saveState(UiSettings &settings) const;
    void setChoices(const QVector<Office> &offices, const QVector<Tag> &tags);

    /// The story open in the editor: selected in the list whenever it is listed.
    void setOpenStory(qint64 id);
    /// Reads the list again now, keeping what is loaded and the selection.
    void refresh();
    /// Reads the list again once the current event is done (coalesces a burst of saves).
    void refreshSoon();
    /// The story listed at `row` after the list changed (0 when there is none).
    qint64 storyNear(int row) const;
    int rowOfStory(qint64 id) const;

signals:
    /// The user chose story `id` in the list.
    void storyPicked(qint64 id);
    void filterChanged(const fo::StoryFilter &filter);
    void loadFailed(const QString &error);

private:
    /// "Cannot read the story list: …".
    static QString listErrorText(const Refusal &why);
    void onCurrentRowChanged(const QModelIndex &index);
    void selectOpenStory();
    void updateEmptyHint();

    Database &mDb;
    StoryListModel *mModel = nullptr;
    StoryFilterBar *mFilterBar = nullptr;
    StoryListView *mList = nullptr;
    qint64 mOpenStory = 0;
    QTimer mRefreshTimer;
};

} // namespace fo
