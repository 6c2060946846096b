#pragma once

#include "uisettings.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QModelIndex;
class QSplitter;

namespace fo {

class Database;
class StoryFilterBar;
class StoryListModel;
class StoryListView;
class StoryView;
struct StoryFilter;

/// The editor's window on one library: the filter bar and the story list on the left, the
/// selected story on the right. It assembles panels, actions and menus; the panels do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Takes over the open library; it closes with the window.
    explicit MainWindow(std::unique_ptr<Database> db, QWidget *parent = nullptr);
    ~MainWindow() override;

    Database &database() const { return *mDb; }

public slots:
    /// Reads the list, the filter choices and the shown story again from the library.
    void refresh();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildWidgets();
    void buildMenus();
    void buildStatusBar();
    void restoreSettings();
    void saveSettings();

    void applyFilter(const StoryFilter &filter);
    void reloadFilterChoices();
    void showStoryAt(const QModelIndex &index);
    /// After the list was read again: selects the story shown before, if it is still listed.
    void restoreSelection();
    void updateEmptyHint();
    void showAbout();

    std::unique_ptr<Database> mDb;
    UiSettings mSettings;
    StoryListModel *mModel = nullptr;
    StoryFilterBar *mFilterBar = nullptr;
    StoryListView *mList = nullptr;
    StoryView *mStoryView = nullptr;
    QSplitter *mSplitter = nullptr;
    QLabel *mLibraryLabel = nullptr;
};

} // namespace fo
