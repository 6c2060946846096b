#include "browser/librarybrowser.h"
#include "common/childsignals.h"
#include "messages/refusaltext.h"

#include "browser/storyfilterbar.h"
#include "browser/storylistview.h"
#include "common/uisettings.h"
#include "library/database.h"
#include "search/storylistmodel.h"

#include <QDir>
#include <QHeaderView>
#include <QVBoxLayout>

namespace fo {

LibraryBrowser::LibraryBrowser(Database &db, QWidget *parent) : QWidget(parent), mDb(db)
{
    setObjectName(QStringLiteral("libraryBrowser"));
    mFilterBar = new StoryFilterBar(this);
    // With the bar's filter, so that restoring an unfiltered list reads nothing again.
    mModel = new StoryListModel(mDb, mFilterBar->filter(), this);
    mList = new StoryListView(this);
    mList->setModel(mModel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mFilterBar);
    layout->addWidget(mList, 1);
    setTabOrder(mFilterBar->tabOrder().constLast(), mList);

    mRefreshTimer.setSingleShot(true);
    mRefreshTimer.setInterval(0);
    connect(&mRefreshTimer, &QTimer::timeout, this, &LibraryBrowser::refresh);
    connect(mFilterBar, &StoryFilterBar::filterChanged, this, [this](const StoryFilter &filter) {
        mModel->setFilter(filter);
        emit filterChanged(filter);
    });
    connect(mList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LibraryBrowser::onCurrentRowChanged);
    connect(mModel, &QAbstractItemModel::modelReset, this, &LibraryBrowser::selectOpenStory);
    connect(mModel, &QAbstractItemModel::modelReset, this, &LibraryBrowser::updateEmptyHint);
    connect(mModel, &StoryListModel::loadFailed, this,
            [this](const Refusal &why) { emit loadFailed(listErrorText(why)); });
    updateEmptyHint();
}

LibraryBrowser::~LibraryBrowser()
{
    disconnectChildSignals(this);
    mList->setModel(nullptr);
}

StoryFilter LibraryBrowser::filter() const
{
    return mFilterBar->filter();
}

void LibraryBrowser::restoreState(const UiSettings &settings)
{
    if (!mList->header()->restoreState(settings.storyListHeaderState())) {
        // Beside the editor the list is narrow: the dateline mostly repeats the office, and on
        // a small screen the headline needs the room of the time too. The header's context
        // menu shows them again.
        mList->header()->hideSection(StoryListModel::DatelineColumn);
        if (window()->width() < 1440) {
            mList->header()->hideSection(StoryListModel::UpdatedColumn);
        }
    }
    mFilterBar->setFilter(settings.storyListFilter());
    mModel->setFilter(mFilterBar->filter());
}

void LibraryBrowser::saveState(UiSettings &settings) const
{
    settings.setStoryListHeaderState(mList->header()->saveState());
    settings.setStoryListFilter(mFilterBar->filter());
}

void LibraryBrowser::setChoices(const QVector<Office> &offices, const QVector<Tag> &tags)
{
    mFilterBar->setOffices(offices);
    mFilterBar->setTags(tags);
}

void LibraryBrowser::setOpenStory(qint64 id)
{
    mOpenStory = id;
    selectOpenStory();
}

void LibraryBrowser::refresh()
{
    mRefreshTimer.stop();
    mModel->refresh();
}

void LibraryBrowser::refreshSoon()
{
    mRefreshTimer.start();
}

qint64 LibraryBrowser::storyNear(int row) const
{
    return mModel->storyIdAt(qMin(row, mModel->rowCount() - 1));
}

int LibraryBrowser::rowOfStory(qint64 id) const
{
    return mModel->rowOfStory(id);
}

void LibraryBrowser::onCurrentRowChanged(const QModelIndex &index)
{
    // A list that lost its selection (read again, filtered) leaves the open story open.
    const qint64 id = index.isValid() ? mModel->storyIdAt(index.row()) : 0;
    if (id && id != mOpenStory) {
        emit storyPicked(id);
    }
}

void LibraryBrowser::selectOpenStory()
{
    const int row = mOpenStory ? mModel->rowOfStory(mOpenStory) : -1;
    QItemSelectionModel *selection = mList->selectionModel();
    if (row < 0) {
        selection->clearCurrentIndex();
        selection->clearSelection();
        return;
    }
    const QModelIndex index = mModel->index(row, 0);
    if (selection->currentIndex().row() != row) {
        selection->setCurrentIndex(index,
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    mList->scrollTo(index);
}

QString LibraryBrowser::listErrorText(const Refusal &why)
{
    return tr("Cannot read the story list: %1").arg(refusalText(why));
}

void LibraryBrowser::updateEmptyHint()
{
    if (mModel->rowCount() > 0) {
        return;
    }
    QString hint;
    if (const std::optional<Refusal> why = mModel->lastRefusal()) {
        hint = listErrorText(*why);
    } else if (mModel->filter().onlyDeleted) {
        hint = tr("The Trash is empty.");
    } else if (mModel->isLibraryEmpty()) {
        QString path = QDir::toNativeSeparators(mDb.path());
        if (path.contains(QLatin1Char(' '))) {
            path = QLatin1Char('"') + path + QLatin1Char('"');
        }
        hint = tr("This library has no stories yet. Start one with File › New Story, or "
                  "import some with:\nfieldoffice import --library %1 PATH")
                   .arg(path);
    } else {
        hint = tr("No stories match these filters.");
    }
    mList->setPlaceholderText(hint);
}

} // namespace fo
