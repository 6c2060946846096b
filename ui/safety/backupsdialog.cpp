#include "safety/backupsdialog.h"

#include "common/backgroundjob.h"
#include "safety/backupscheduler.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace fo {

namespace {

QString timeText(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

BackupsDialog::BackupsDialog(BackupScheduler &scheduler, QWidget *parent)
    : QDialog(parent), mScheduler(scheduler)
{
    setObjectName(QStringLiteral("backupsDialog"));
    setWindowTitle(tr("Backups"));
    mListJob = new BackgroundJob(this);
    mRestoreJob = new BackgroundJob(this);
    buildWidgets();
    connect(&mScheduler, &BackupScheduler::backupFinished, this,
            [this](const BackupResult &result, bool written) {
                if (!result.ok) {
                    mStatus->setText(tr("The backup failed: %1").arg(result.error));
                } else {
                    mStatus->setText(written ? tr("Backed up %n stories.", nullptr, result.stories)
                                             : tr("Nothing changed since the newest backup."));
                }
                reload();
            });
    reload();
    resize(620, 420);
}

BackupsDialog::~BackupsDialog() = default;

void BackupsDialog::buildWidgets()
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Field Office backs up this library every hour while it is open and when you close "
           "it, whenever something changed. Each backup is checked before it is kept; the 10 "
           "newest and one of each of the last 7 days are kept."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *folderRow = new QHBoxLayout;
    mFolderLabel = new QLabel(this);
    mFolderLabel->setObjectName(QStringLiteral("backupFolderLabel"));
    mFolderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mFolderLabel->setWordWrap(true);
    folderRow->addWidget(mFolderLabel, 1);
    mChangeFolder = new QPushButton(tr("Change Folder…"), this);
    folderRow->addWidget(mChangeFolder);
    layout->addLayout(folderRow);

    mModel = new QStandardItemModel(0, 3, this);
    mModel->setHorizontalHeaderLabels({tr("Made"), tr("Size"), tr("Stories")});
    mView = new QTreeView(this);
    mView->setObjectName(QStringLiteral("backupList"));
    mView->setModel(mModel);
    mView->setRootIsDecorated(false);
    mView->setUniformRowHeights(true);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setAccessibleName(tr("Backups"));
    mView->header()->setSectionResizeMode(TimeColumn, QHeaderView::Stretch);
    layout->addWidget(mView, 1);

    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("backupStatus"));
    mStatus->setWordWrap(true);
    layout->addWidget(mStatus);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    mBackUpNow = buttons->addButton(tr("Back Up Now"), QDialogButtonBox::ActionRole);
    mRestore = buttons->addButton(tr("Restore…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mBackUpNow, &QPushButton::clicked, this, &BackupsDialog::backUpNow);
    connect(mRestore, &QPushButton::clicked, this, &BackupsDialog::askToRestore);
    connect(mChangeFolder, &QPushButton::clicked, this, &BackupsDialog::chooseFolder);
    connect(mView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BackupsDialog::updateButtons);
    connect(mView, &QTreeView::activated, this, &BackupsDialog::askToRestore);
}

void BackupsDialog::selectLatestWhenListed()
{
    mSelectLatest = true;
    if (!mListJob->isRunning()) {
        showEntries(mEntries);
    }
}

void BackupsDialog::reload()
{
    mFolderLabel->setText(tr("Folder: %1").arg(QDir::toNativeSeparators(mScheduler.folder())));
    if (mListJob->isRunning()) {
        return; // the running listing reads the folder as it is now
    }
    auto entries = std::make_shared<QVector<BackupEntry>>();
    const BackupStore store = mScheduler.store();
    disconnect(mListJob, &BackgroundJob::finished, this, nullptr);
    connect(mListJob, &BackgroundJob::finished, this, [this, entries] { showEntries(*entries); });
    mListJob->start([store, entries](const BackgroundJob::Progress &, QString *) {
        *entries = store.list(true);
        return true;
    });
}

void BackupsDialog::showEntries(const QVector<BackupEntry> &entries)
{
    const QString selected = pathAt(mView->currentIndex().row());
    mEntries = entries;
    mModel->removeRows(0, mModel->rowCount());
    const QLocale locale;
    int select = -1;
    for (int row = 0; row < entries.size(); ++row) {
        const BackupEntry &entry = entries.at(row);
        auto *time = new QStandardItem(timeText(entry.time));
        time->setToolTip(QDir::toNativeSeparators(entry.path));
        auto *size = new QStandardItem(locale.formattedDataSize(entry.size));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *stories = new QStandardItem(entry.stories >= 0 ? locale.toString(entry.stories)
                                                             : tr("unreadable"));
        stories->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (entry.stories < 0) {
            stories->setToolTip(entry.error);
        }
        mModel->appendRow({time, size, stories});
        if (entry.path == selected || (mSelectLatest && select < 0 && entry.stories >= 0)) {
            select = row;
        }
    }
    if (select >= 0) {
        mView->setCurrentIndex(mModel->index(select, 0));
        mSelectLatest = false;
    }
    if (entries.isEmpty() && mStatus->text().isEmpty()) {
        mStatus->setText(tr("There are no backups in this folder yet."));
    }
    updateButtons();
    emit listed();
}

QString BackupsDialog::pathAt(int row) const
{
    return row >= 0 && row < mEntries.size() ? mEntries.at(row).path : QString();
}

void BackupsDialog::updateButtons()
{
    const bool busy = mRestoreJob->isRunning();
    const int row = mView->currentIndex().row();
    mRestore->setEnabled(!busy && row >= 0 && row < mEntries.size() &&
                         mEntries.at(row).stories >= 0);
    mBackUpNow->setEnabled(!busy && !mScheduler.isRunning());
    mChangeFolder->setEnabled(!busy);
}

void BackupsDialog::setBusy(const QString &message)
{
    mStatus->setText(message);
    updateButtons();
}

void BackupsDialog::backUpNow()
{
    if (mScheduler.backUp(false)) {
        setBusy(tr("Backing up…"));
    } else {
        setBusy(tr("A backup is being made already."));
    }
}

void BackupsDialog::askToRestore()
{
    const int row = mView->currentIndex().row();
    if (row < 0 || row >= mEntries.size()) {
        return;
    }
    const BackupEntry &entry = mEntries.at(row);
    QMessageBox box(QMessageBox::Question, tr("Restore Backup"),
                    tr("Replace the library's content with the backup made %1 (%n stories)?",
                       nullptr, entry.stories)
                        .arg(timeText(entry.time)),
                    QMessageBox::Cancel, this);
    box.setInformativeText(tr("Everything changed since then is replaced. The library as it is "
                              "now is kept beside it, as %1.replaced-<time>.")
                               .arg(QFileInfo(mScheduler.libraryPath()).fileName()));
    QPushButton *restore = box.addButton(tr("Restore"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == restore) {
        restoreRow(row);
    }
}

bool BackupsDialog::restoreRow(int row)
{
    const QString from = pathAt(row);
    if (from.isEmpty() || mRestoreJob->isRunning() || (mRestoreHook && !mRestoreHook())) {
        return false;
    }
    auto result = std::make_shared<BackupResult>();
    const QString library = mScheduler.libraryPath();
    disconnect(mRestoreJob, &BackgroundJob::finished, this, nullptr);
    connect(mRestoreJob, &BackgroundJob::finished, this, [this, result] {
        if (result->ok) {
            setBusy(tr("Restored %n stories. The library as it was is kept as %1.", nullptr,
                       result->stories)
                        .arg(QDir::toNativeSeparators(result->replacedPath)));
        } else {
            setBusy(tr("Not restored: %1").arg(result->error));
        }
        emit restoreFinished(*result);
    });
    mRestoreJob->start([from, library, result](const BackgroundJob::Progress &, QString *error) {
        *result = restoreLibrary(from, library, true);
        *error = result->error;
        return result->ok;
    });
    setBusy(tr("Restoring…"));
    return true;
}

void BackupsDialog::chooseFolder()
{
    const QString chosen = QFileDialog::getExistingDirectory(
        this, tr("Folder for the Backups of This Library"), mScheduler.folder());
    if (chosen.isEmpty()) {
        return;
    }
    const QString folder =
        QDir(chosen) == QDir(BackupStore::defaultFolder(mScheduler.libraryPath())) ? QString()
                                                                                   : chosen;
    mScheduler.setFolder(folder);
    emit folderChosen(folder);
    mStatus->clear();
    reload();
}

} // namespace fo
