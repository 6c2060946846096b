#include "review/storypicker.h"

#include "search/storyquery.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>

namespace fo {

namespace {

constexpr int kStoryIdRole = Qt::UserRole + 1;

} // namespace

StoryPicker::StoryPicker(Database &db, QWidget *parent)
    : QLineEdit(parent), mDb(db), mModel(new QStandardItemModel(this))
{
    setPlaceholderText(tr("All stories — type words of a headline"));
    setClearButtonEnabled(true);
    mCompleter = new QCompleter(mModel, this);
    // The search already chose and ranked the matches: the completer shows them as they are.
    mCompleter->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    mCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    setCompleter(mCompleter);
    mTyping.setSingleShot(true);
    mTyping.setInterval(200);
    connect(&mTyping, &QTimer::timeout, this, &StoryPicker::lookUp);
    connect(this, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (text.trimmed().isEmpty()) {
            mTyping.stop();
            mModel->clear();
            setStory(0);
        } else {
            mTyping.start();
        }
    });
    connect(mCompleter, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) { setStory(index.data(kStoryIdRole).toLongLong()); });
}

void StoryPicker::lookUp()
{
    mTyping.stop();
    StoryFilter filter;
    filter.search = text().trimmed();
    filter.prefixLastWord = true;
    filter.includeDeleted = true; // the audit trail names stories in the Trash too
    mModel->clear();
    if (filter.search.isEmpty()) {
        return;
    }
    StoryQuery query(mDb);
    query.setSnippets(false);
    const Result<QVector<StoryRow>> rows = query.list(filter, 0, kMatches, false);
    if (!rows) {
        return;
    }
    for (const StoryRow &row : *rows) {
        auto *item = new QStandardItem(row.headline.isEmpty() ? tr("(untitled %1)").arg(row.id)
                                                              : row.headline);
        item->setData(row.id, kStoryIdRole);
        item->setToolTip(tr("Story %1").arg(row.id));
        mModel->appendRow(item);
    }
    if (hasFocus() && mModel->rowCount() > 0) {
        mCompleter->complete();
    }
}

void StoryPicker::choose(int row)
{
    const QModelIndex index = mModel->index(row, 0);
    if (index.isValid()) {
        setText(index.data().toString());
        setStory(index.data(kStoryIdRole).toLongLong());
    }
}

void StoryPicker::setStory(qint64 id)
{
    if (id != mStoryId) {
        mStoryId = id;
        emit storyChosen(id);
    }
}

} // namespace fo
