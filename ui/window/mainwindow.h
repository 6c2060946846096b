#pragma once

#include "common/panecycler.h"
#include "common/uisettings.h"
#include "domain/person.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QSplitter;

namespace fo {

class BackupActions;
class Database;
class DamageBanner;
class ErrorStrip;
class ExportActions;
class ImportActions;
class LibraryBrowser;
class LibrarySwitcher;
class PersonStrip;
class ReviewDock;
class Session;
class StartupRecovery;
class StoryActions;
class StoryEditor;
class WindowStatus;
struct Story;
struct StoryFilter;

/// The editor's window on one library: the library browser (filters and the story list) on the
/// left, the story editor with its preview on the right. It assembles panels, actions and
/// menus; the panels do the work (StoryEditor edits and saves, StoryActions manages whole
/// stories, LibraryBrowser lists them). The Session holds the person, the open story and the
/// flush of its edits; a failed flush, and any other error of the window, shows in one error
/// strip above the panels.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// How long a write of the window waits for another program's write (milliseconds).
    static constexpr int kBusyTimeoutMs = 250;

    /// Takes over the open library; it closes with the window.
    explicit MainWindow(std::unique_ptr<Database> db, QWidget *parent = nullptr);
    ~MainWindow() override;

    Database &database() const { return *mDb; }
    StoryEditor *editor() const { return mEditor; }
    LibraryBrowser *browser() const { return mBrowser; }
    /// Who uses the window; panels and dialogs follow its person.
    Session *session() const { return mSession; }
    ReviewDock *reviewDock() const { return mReviewDock; }
    /// Backups, and the watch over the library's health (mainwindowbackups.cpp).
    BackupActions *backupActions() const { return mBackups; }
    /// File ▸ Open Library…, New Library…, Open Recent (libraryswitcher.h).
    LibrarySwitcher *librarySwitcher() const { return mLibraries; }
    /// True once the library was found damaged: nothing more is written (until a restore).
    bool isWritingStopped() const { return mWritingStopped; }

    /// The person whose changes the window records (the workflow's people); nobody by default.
    /// The window remembers them per library; when it cannot, and the library has people, it
    /// asks once it is shown (setting a person before then skips the question).
    void setCurrentPerson(const Person &person);
    /// The program must stop now (SIGTERM, the session manager): saves the open story (or keeps
    /// it in the recovery journal when that fails) and the layout, asking nothing.
    void saveForShutdown();

signals:
    /// The window has been painted on the screen for the first time, with the story list.
    void firstFrameShown();
    /// After the first frame, the story that was open last time has been opened again (or
    /// there was none): start-up is over.
    void startupFinished();

public slots:
    /// Reads the list, the filter choices and the open story's state again from the library.
    void refresh();
    /// Saves the open story and opens story `id`; false (and nothing changes) when either fails.
    bool openStory(qint64 id);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildWidgets();
    void buildMenus();
    void buildExportActions(QMenu *file);
    void buildImportAction(QMenu *file);
    void buildBackupActions(QMenu *file);
    void onLibraryDamaged(const QString &problem);
    void onLibraryHealthy();
    void applyWritingStopped();
    /// Shows `message` in the window's error strip (until another story opens or a save works).
    void showError(const QString &message);
    void buildEditMenu();
    void buildViewMenu();
    QList<PaneCycler::Pane> panes() const;
    void connectPanels();
    void connectStoryActions();
    void restoreSettings();
    void saveSettings();
    void restoreOpenStory();

    void applyFilter(const StoryFilter &filter);
    void reloadFilterChoices();
    void onStoryChanged(qint64 id);
    void onStoryCreated(qint64 id);
    void onStoryTrashed(qint64 id);
    void onStoryStateChanged(qint64 id);
    void onTrashEmptied(int count);
    void forFocusWidget(const char *slot);
    void showAbout();
    void buildReviewMenu();
    void restorePerson();
    void onPersonChanged(const Person &person);
    void showPersonDialog();
    void showAuditTrail();

    std::unique_ptr<Database> mDb;
    UiSettings mSettings;
    LibraryBrowser *mBrowser = nullptr;
    StoryEditor *mEditor = nullptr;
    StoryActions *mActions = nullptr;
    ExportActions *mExport = nullptr;
    ImportActions *mImport = nullptr;
    BackupActions *mBackups = nullptr;
    DamageBanner *mDamageBanner = nullptr;
    ErrorStrip *mErrorStrip = nullptr;
    bool mWritingStopped = false;
    QSplitter *mSplitter = nullptr;
    QAction *mTrashView = nullptr;
    QAction *mPreviewView = nullptr;
    QAction *mListView = nullptr;
    WindowStatus *mStatus = nullptr;
    Session *mSession = nullptr;
    ReviewDock *mReviewDock = nullptr;
    QLabel *mPersonLabel = nullptr;
    PersonStrip *mPersonStrip = nullptr;
    LibrarySwitcher *mLibraries = nullptr;
    std::unique_ptr<StartupRecovery> mRecovery;
    bool mChoicesStale = false;
    bool mFirstFrameSeen = false;
};

} // namespace fo
