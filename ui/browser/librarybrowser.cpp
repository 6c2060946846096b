#include "browser/librarybrowser.h"
#include "common/childsignals.h"
#include "messages/refusaltext.h"

#include "browser/resultcounter.h"
#include "browser/storyfilterbar.h"
#include "browser/storylistview.h"
#include "common/errorstrip.h"
#include "common/uisettings.h"
#include "library/database.h"
#include "search/storylistmodel.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
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
    mNote = new ErrorStrip(this);
    mNote->setObjectName(QStringLiteral("listNote"));
    mCount = new QLabel(this);
    mCount->setObjectName(QStringLiteral("resultCount"));
    mCount->setMinimumWidth(0);
    mCount->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    mClearFilters = new QPushButton(tr("C&lear Filters"), this);
    mClearFilters->setObjectName(QStringLiteral("clearFiltersButton"));
    mClearFilters->setToolTip(tr("Show every story: no search, all statuses, offices and tags"));
    mClearFilters->hide();
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(mCount, 1);
    countRow->addWidget(mClearFilters);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mFilterBar);
    layout->addWidget(mNote);
    layout->addWidget(mList, 1);
    layout->addLayout(countRow);
    setTabOrder(mFilterBar->tabOrder().constLast(), mList);
    mCounter = new ResultCounter(mDb.path(), this);
    connect(mCounter, &ResultCounter::counted, this, &LibraryBrowser::showCount);
    connect(mClearFilters, &QPushButton::clicked, this, &LibraryBrowser::clearFilters);

    mRefreshTimer.setSingleShot(true);
    mRefreshTimer.setInterval(0);
    connect(&mRefreshTimer, &QTimer::timeout, this, &LibraryBrowser::refresh);
    connect(mFilterBar, &StoryFilterBar::filterChanged, this, [this](const StoryFilter &filter) {
        mModel->setFilter(filter);
        onFilterApplied(filter);
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
    onFilterApplied(mFilterBar->filter());
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
    mCounter->request(mModel->filter()); // stories came or went
}

bool LibraryBrowser::hasActiveFilter() const
{
    const StoryFilter f = mFilterBar->filter();
    return !f.search.trimmed().isEmpty() || f.status || f.onlyDeleted || !f.office.isEmpty() ||
           !f.tag.isEmpty();
}

void LibraryBrowser::clearFilters()
{
    mNote->clearMessage();
    mFilterBar->setFilter(StoryFilter());
    const StoryFilter cleared = mFilterBar->filter();
    mModel->setFilter(cleared);
    onFilterApplied(cleared);
    emit filterChanged(cleared);
}

void LibraryBrowser::revealStory(qint64 id)
{
    if (mModel->rowOfStory(id) >= 0 || !hasActiveFilter()) {
        return;
    }
    clearFilters();
    mNote->showMessage(tr("The filters were cleared to show the new story: it does not match "
                          "them."),
                       ErrorStrip::Kind::Notice);
    selectOpenStory();
}

QVector<qint64> LibraryBrowser::selectedStoryIds() const
{
    QVector<int> rows;
    for (const QModelIndex &index : mList->selectionModel()->selectedRows()) {
        rows << index.row();
    }
    std::sort(rows.begin(), rows.end());
    QVector<qint64> ids;
    for (int row : std::as_const(rows)) {
        if (const qint64 id = mModel->storyIdAt(row)) {
            ids << id;
        }
    }
    return ids;
}

QString LibraryBrowser::resultCountText() const
{
    return mCount->text();
}

void LibraryBrowser::onFilterApplied(const StoryFilter &filter)
{
    mClearFilters->setVisible(hasActiveFilter());
    if (!filter.search.trimmed().isEmpty() || filter.status || !filter.office.isEmpty() ||
        !filter.tag.isEmpty()) {
        mNote->clearMessage(); // a note about cleared filters is stale once they are set
    }
    mCounter->request(filter);
}

void LibraryBrowser::showCount(const StoryFilter &filter, int matching, int total)
{
    const QLocale locale;
    const QString search = filter.search.trimmed();
    const QString stories =
        total == 1 ? tr("1 story") : tr("%1 stories").arg(locale.toString(total));
    QString text;
    if (filter.onlyDeleted) {
        text = matching == total
                   ? tr("%1 in the Trash").arg(stories)
                   : tr("%1 of %2 in the Trash match").arg(locale.toString(matching), stories);
    } else if (matching == total && search.isEmpty()) {
        text = stories;
    } else if (search.isEmpty()) {
        text = tr("%1 of %2 match the filters").arg(locale.toString(matching), stories);
    } else {
        text = tr("%1 of %2 match “%3”").arg(locale.toString(matching), stories, search);
    }
    mCount->setText(text);
    mCount->setToolTip(text);
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
