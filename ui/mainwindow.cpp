#include "mainwindow.h"

#include "database.h"
#include "officerepository.h"
#include "storyfilterbar.h"
#include "storylistmodel.h"
#include "storylistview.h"
#include "storyrepository.h"
#include "storyview.h"
#include "tagrepository.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace fo {

MainWindow::MainWindow(std::unique_ptr<Database> db, QWidget *parent)
    : QMainWindow(parent), mDb(std::move(db))
{
    Q_ASSERT(mDb);
    setWindowTitle(tr("Field Office — %1").arg(QFileInfo(mDb->path()).fileName()));
    mModel = new StoryListModel(*mDb, this);
    buildWidgets();
    buildMenus();
    buildStatusBar();

    reloadFilterChoices();
    restoreSettings(); // shows the remembered filters, without reading the list yet
    mModel->setFilter(mFilterBar->filter());

    connect(mFilterBar, &StoryFilterBar::filterChanged, this, &MainWindow::applyFilter);
    connect(mList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showStoryAt);
    connect(mModel, &QAbstractItemModel::modelReset, this, &MainWindow::restoreSelection);
    connect(mModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyHint);
    connect(mModel, &StoryListModel::loadFailed, this,
            [this](const QString &error) { statusBar()->showMessage(error); });
    updateEmptyHint();
    if (!mModel->lastError().isEmpty()) {
        statusBar()->showMessage(mModel->lastError());
    }
}

MainWindow::~MainWindow()
{
    // The model reads through mDb, which closes when this destructor's members go; the model,
    // a child, would only go later.
    mList->setModel(nullptr);
    delete mModel;
}

void MainWindow::buildWidgets()
{
    mFilterBar = new StoryFilterBar(this);
    mList = new StoryListView(this);
    mList->setModel(mModel);
    mStoryView = new StoryView(this);

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(mFilterBar);
    listLayout->addWidget(mList, 1);

    mSplitter = new QSplitter(Qt::Horizontal, this);
    mSplitter->setObjectName(QStringLiteral("mainSplitter"));
    mSplitter->setChildrenCollapsible(false);
    mSplitter->addWidget(listPane);
    mSplitter->addWidget(mStoryView);
    mSplitter->setStretchFactor(0, 3);
    mSplitter->setStretchFactor(1, 2);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(mSplitter);
    setCentralWidget(central);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find"), mFilterBar, &StoryFilterBar::focusSearch);
    find->setShortcut(QKeySequence::Find);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Field Office"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::buildStatusBar()
{
    mLibraryLabel = new QLabel(this);
    mLibraryLabel->setObjectName(QStringLiteral("libraryLabel"));
    mLibraryLabel->setTextFormat(Qt::PlainText);
    QString text = QDir::toNativeSeparators(mDb->path());
    if (mDb->isReadOnly()) {
        text += tr(" — read-only");
        mLibraryLabel->setToolTip(
            tr("This library cannot be changed here: the file or its folder is not writable."));
    }
    mLibraryLabel->setText(text);
    statusBar()->addPermanentWidget(mLibraryLabel);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(mSettings.mainWindowGeometry())) {
        resize(1280, 800);
    }
    restoreState(mSettings.mainWindowState());
    if (!mSplitter->restoreState(mSettings.mainSplitterState())) {
        mSplitter->setSizes({780, 500});
    }
    mList->header()->restoreState(mSettings.storyListHeaderState());
    mFilterBar->setFilter(mSettings.storyListFilter());
}

void MainWindow::saveSettings()
{
    mSettings.setMainWindowGeometry(saveGeometry());
    mSettings.setMainWindowState(saveState());
    mSettings.setMainSplitterState(mSplitter->saveState());
    mSettings.setStoryListHeaderState(mList->header()->saveState());
    mSettings.setStoryListFilter(mFilterBar->filter());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::applyFilter(const StoryFilter &filter)
{
    mModel->setFilter(filter);
    mSettings.setStoryListFilter(filter);
}

void MainWindow::reloadFilterChoices()
{
    QString error;
    const QVector<Office> offices = OfficeRepository(*mDb).all(&error);
    const QVector<Tag> tags = TagRepository(*mDb).all(&error);
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("Cannot read offices and tags: %1").arg(error));
    }
    mFilterBar->setOffices(offices);
    mFilterBar->setTags(tags);
}

void MainWindow::refresh()
{
    reloadFilterChoices();
    mModel->refresh();
}

void MainWindow::showStoryAt(const QModelIndex &index)
{
    const qint64 id = index.isValid() ? mModel->storyIdAt(index.row()) : 0;
    if (!id) {
        mStoryView->clear();
        return;
    }
    QString error;
    const std::optional<Story> story = StoryRepository(*mDb).get(id, &error);
    if (!story) {
        mStoryView->clear();
        statusBar()->showMessage(tr("Cannot read story %1: %2").arg(id).arg(error));
        return;
    }
    mStoryView->setStory(*story);
}

void MainWindow::restoreSelection()
{
    const qint64 shown = mStoryView->storyId();
    const int row = shown ? mModel->rowOfStory(shown) : -1;
    if (row < 0) {
        mStoryView->clear();
        return;
    }
    const QModelIndex index = mModel->index(row, 0);
    // Through the selection model, so the story is read again: it may have changed.
    mList->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    mList->scrollTo(index);
}

void MainWindow::updateEmptyHint()
{
    if (mModel->rowCount() > 0) {
        return;
    }
    QString hint;
    if (!mModel->lastError().isEmpty()) {
        hint = mModel->lastError();
    } else if (mModel->isLibraryEmpty()) {
        QString path = QDir::toNativeSeparators(mDb->path());
        if (path.contains(QLatin1Char(' '))) {
            path = QLatin1Char('"') + path + QLatin1Char('"');
        }
        hint = tr("This library has no stories yet. Import some with:\n"
                  "fieldoffice import --library %1 PATH")
                   .arg(path);
    } else {
        hint = tr("No stories match these filters.");
    }
    mList->setPlaceholderText(hint);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Field Office"),
                       tr("<h3>Field Office %1</h3>"
                          "<p>Write, review and release the news stories of field offices, "
                          "and assemble approved stories into press packets.</p>")
                           .arg(QStringLiteral(FO_VERSION)));
}

} // namespace fo
