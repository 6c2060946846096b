#pragma once

#include "backup/backup.h"
#include "backup/backupstore.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTreeView;

namespace fo {

class BackgroundJob;
class BackupScheduler;

/// File ▸ Backups…: the automatic backups of the library with their time, size and number of
/// stories; Back Up Now; Restore… (after a confirmation, the library's content is kept aside
/// and replaced, see restoreLibrary()); the backup folder, shown and changeable.
///
/// Listing opens each backup read-only through SQLite to count its stories, so it runs in the
/// background; so does a restore.
class BackupsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SizeColumn,
        StoriesColumn
    };

    BackupsDialog(BackupScheduler &scheduler, QWidget *parent = nullptr);
    ~BackupsDialog() override;

    /// Called before a restore; returning false cancels it (the open story could not be saved).
    void setRestoreHook(std::function<bool()> hook) { mRestoreHook = std::move(hook); }
    /// Selects the newest backup that can be read once the list is there (a damaged library).
    void selectLatestWhenListed();
    /// Reads the list again, in the background.
    void reload();

    QStandardItemModel *model() const { return mModel; }
    QTreeView *view() const { return mView; }
    /// The path of backup `row`.
    QString pathAt(int row) const;
    /// Starts restoring backup `row` without asking (the Restore… button asks first).
    bool restoreRow(int row);

signals:
    /// The list shows what the folder holds now.
    void listed();
    /// The user picked another folder ("" for the default beside the library).
    void folderChosen(const QString &folder);
    /// A restore finished; on success the library holds the backup's content.
    void restoreFinished(const fo::BackupResult &result);

private:
    void buildWidgets();
    void showEntries(const QVector<BackupEntry> &entries);
    void updateButtons();
    void backUpNow();
    void askToRestore();
    void chooseFolder();
    void setBusy(const QString &message);

    BackupScheduler &mScheduler;
    std::function<bool()> mRestoreHook;
    BackgroundJob *mListJob = nullptr;
    BackgroundJob *mRestoreJob = nullptr;
    QVector<BackupEntry> mEntries;
    bool mSelectLatest = false;

    QLabel *mFolderLabel = nullptr;
    QLabel *mStatus = nullptr;
    QTreeView *mView = nullptr;
    QStandardItemModel *mModel = nullptr;
    QPushButton *mBackUpNow = nullptr;
    QPushButton *mRestore = nullptr;
    QPushButton *mChangeFolder = nullptr;
};

} // namespace fo
