#pragma once

#include "domain/story.h"
#include "library/officerepository.h"
#include "library/tagrepository.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QModelIndex;
class QPushButton;

namespace fo {

class Database;
class ErrorStrip;
class ResultCounter;
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
    /// Whether a search, status, office or tag filter (or the Trash) narrows the list.
    bool hasActiveFilter() const;
    /// Shows every story again (Clear Filters).
    void clearFilters();
    /// Story `id` was just made (New, Duplicate): when the filters hide it, they are cleared
    /// and the list says why, so that it never vanishes without a word (issue 12 item 8).
    void revealStory(qint64 id);
    /// The stories selected in the list, in list order (several with Ctrl or Shift).
    QVector<qint64> selectedStoryIds() const;
    /// "12 of 1,234 stories match “police”" as the list shows it; empty until counted.
    QString resultCountText() const;
    QPushButton *clearFiltersButton() const { return mClearFilters; }
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
    void onFilterApplied(const StoryFilter &filter);
    void showCount(const StoryFilter &filter, int matching, int total);

    Database &mDb;
    StoryListModel *mModel = nullptr;
    StoryFilterBar *mFilterBar = nullptr;
    StoryListView *mList = nullptr;
    QLabel *mCount = nullptr;
    QPushButton *mClearFilters = nullptr;
    ErrorStrip *mNote = nullptr;
    ResultCounter *mCounter = nullptr;
    qint64 mOpenStory = 0;
    QTimer mRefreshTimer;
};

} // namespace fo
