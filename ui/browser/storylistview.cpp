#include "browser/storylistview.h"
#include "common/childsignals.h"

#include "browser/storylistdelegate.h"
#include "search/storylistmodel.h"

#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QScopedValueRollback>

namespace fo {

StoryListView::StoryListView(QWidget *parent) : QTreeView(parent)
{
    setObjectName(QStringLiteral("storyList"));
    setAccessibleName(tr("Stories"));
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several stories (Ctrl+click, Shift+click) start a packet (issue 12 item 16).
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTextElideMode(Qt::ElideRight);
    // The order is fixed (newest first, or best match first) and comes from SQL; a clickable
    // header would promise a sort the list does not do.
    setSortingEnabled(false);
    header()->setSectionsClickable(false);
    header()->setStretchLastSection(false);
    setItemDelegate(new StoryListDelegate(this));
    header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header(), &QHeaderView::customContextMenuRequested, this,
            &StoryListView::showColumnMenu);
    // A width the user (or the remembered layout) gives a column is its natural width.
    connect(header(), &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        if (!mFitting && column > 0 && column < mNaturalWidths.size()) {
            mNaturalWidths[column] = size;
        }
    });
}

void StoryListView::showColumnMenu(const QPoint &pos)
{
    if (!model()) {
        return;
    }
    QMenu menu(this);
    for (int column = 1; column < model()->columnCount(); ++column) {
        QAction *action = menu.addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header()->isSectionHidden(column));
        connect(action, &QAction::toggled, this,
                [this, column](bool shown) { header()->setSectionHidden(column, !shown); });
    }
    menu.exec(header()->viewport()->mapToGlobal(pos));
}

void StoryListView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model()) {
        disconnect(old, nullptr, this, nullptr);
    }
    QTreeView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &StoryListView::updatePlaceholder);
        connect(model, &QAbstractItemModel::rowsInserted, this, &StoryListView::updatePlaceholder);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &StoryListView::updatePlaceholder);
    }
    applyDefaultColumnWidths();
    updatePlaceholder();
}

void StoryListView::applyDefaultColumnWidths()
{
    if (!model() || model()->columnCount() < StoryListModel::ColumnCount) {
        return;
    }
    const QFontMetrics metrics(font());
    const int padding = 2 * metrics.averageCharWidth() + 8;
    const auto fit = [&](const QString &sample) {
        return metrics.horizontalAdvance(sample) + padding;
    };
    QHeaderView *h = header();
    h->setMinimumSectionSize(fit(QStringLiteral("Office")));
    h->setSectionResizeMode(StoryListModel::HeadlineColumn, QHeaderView::Stretch);
    for (int column = StoryListModel::OfficeColumn; column < StoryListModel::ColumnCount;
         ++column) {
        h->setSectionResizeMode(column, QHeaderView::Interactive);
    }
    h->resizeSection(StoryListModel::OfficeColumn, fit(QStringLiteral("Quezon City")));
    h->resizeSection(StoryListModel::StatusColumn, fit(QStringLiteral("Changes requested")));
    h->resizeSection(StoryListModel::DatelineColumn, fit(QStringLiteral("KOLKATA, INDIA")));
    // The widest date and time of the year in this locale's short format.
    const QDateTime sample(QDate(2026, 12, 28), QTime(22, 45));
    h->resizeSection(StoryListModel::UpdatedColumn,
                     fit(QLocale().toString(sample, QLocale::ShortFormat)));
    mNaturalWidths.clear();
    for (int column = 0; column < StoryListModel::ColumnCount; ++column) {
        mNaturalWidths << h->sectionSize(column);
    }
    fitColumns();
}

void StoryListView::resizeEvent(QResizeEvent *event)
{
    QTreeView::resizeEvent(event);
    fitColumns();
}

void StoryListView::fitColumns()
{
    if (!model() || mNaturalWidths.size() < StoryListModel::ColumnCount) {
        return;
    }
    QHeaderView *h = header();
    const int room = viewport()->width() / 2; // what the other columns may have together
    const int floor = 6 * fontMetrics().averageCharWidth();
    int natural = 0;
    for (int column = StoryListModel::OfficeColumn; column < StoryListModel::ColumnCount;
         ++column) {
        if (!h->isSectionHidden(column)) {
            natural += mNaturalWidths.at(column);
        }
    }
    const double scale = natural > room && natural > 0 ? double(room) / natural : 1.0;
    const QScopedValueRollback<bool> fitting(mFitting, true);
    for (int column = StoryListModel::OfficeColumn; column < StoryListModel::ColumnCount;
         ++column) {
        if (!h->isSectionHidden(column)) {
            h->resizeSection(column, qMax(floor, int(mNaturalWidths.at(column) * scale)));
        }
    }
}

void StoryListView::setPlaceholderText(const QString &text)
{
    if (text == mPlaceholderText) {
        return;
    }
    mPlaceholderText = text;
    updatePlaceholder();
}

void StoryListView::updatePlaceholder()
{
    const bool empty = !model() || model()->rowCount() == 0;
    setAccessibleDescription(empty ? mPlaceholderText : QString());
    viewport()->update();
}

void StoryListView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (mPlaceholderText.isEmpty() || (model() && model()->rowCount() > 0)) {
        return;
    }
    QPainter painter(viewport());
    QColor color = palette().color(QPalette::Text);
    color.setAlphaF(0.6f);
    painter.setPen(color);
    const int margin = 2 * fontMetrics().averageCharWidth();
    painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin),
                     Qt::AlignCenter | Qt::TextWordWrap, mPlaceholderText);
}

StoryListView::~StoryListView()
{
    disconnectChildSignals(this);
}

} // namespace fo
