#include "browser/storyfilterbar.h"
#include "common/childsignals.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace fo {

namespace {

/// The status filter's data for the Trash: not a status, so it is never remembered.
const QString kTrash = QStringLiteral("trash");

QComboBox *makeCombo(const QString &objectName, const QString &accessibleName,
                     const QString &allText, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    combo->setToolTip(accessibleName);
    // A long tag or office name must not push the search box off the bar.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    // Short enough that the list pane can yield on a 1024-pixel screen (issue 12 item 13).
    combo->setMinimumContentsLength(3);
    combo->addItem(allText, QString());
    return combo;
}

void selectData(QComboBox *combo, const QString &data)
{
    const int index = data.isEmpty() ? 0 : combo->findData(data);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

StoryFilterBar::StoryFilterBar(QWidget *parent) : QWidget(parent)
{
    mSearch = new QLineEdit(this);
    mSearch->setObjectName(QStringLiteral("searchEdit"));
    mSearch->setPlaceholderText(tr("Search stories (Ctrl+Shift+F)"));
    mSearch->setAccessibleName(tr("Search stories"));

    mStatus =
        makeCombo(QStringLiteral("statusFilter"), tr("Status filter"), tr("All statuses"), this);
    for (const StoryStatus status : allStatuses()) {
        mStatus->addItem(statusLabel(status), statusKey(status));
    }
    mStatus->insertSeparator(mStatus->count());
    mStatus->addItem(tr("Trash"), kTrash);
    mOffice =
        makeCombo(QStringLiteral("officeFilter"), tr("Office filter"), tr("All offices"), this);
    mTag = makeCombo(QStringLiteral("tagFilter"), tr("Tag filter"), tr("All tags"), this);

    // Two rows: beside the editor the list pane is narrow, and the search box must stay wide
    // enough to read what was typed.
    auto *choices = new QHBoxLayout;
    choices->addWidget(mStatus, 1);
    choices->addWidget(mOffice, 1);
    choices->addWidget(mTag, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mSearch);
    layout->addLayout(choices);

    mSearchTimer.setSingleShot(true);
    mSearchTimer.setInterval(kSearchDelayMs);
    connect(&mSearchTimer, &QTimer::timeout, this, &StoryFilterBar::applyNow);
    connect(mSearch, &QLineEdit::textChanged, &mSearchTimer, qOverload<>(&QTimer::start));
    // Enter does not make anyone wait for the pause.
    connect(mSearch, &QLineEdit::returnPressed, this, &StoryFilterBar::applyNow);
    for (QComboBox *combo : {mStatus, mOffice, mTag}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &StoryFilterBar::applyNow);
    }
}

void StoryFilterBar::addClearButton()
{
    mSearch->setClearButtonEnabled(true);
}

StoryFilter StoryFilterBar::filter() const
{
    StoryFilter filter;
    filter.search = mSearch->text();
    filter.prefixLastWord = true; // results as you type
    filter.status = parseStatus(mStatus->currentData().toString());
    filter.onlyDeleted = mStatus->currentData().toString() == kTrash;
    filter.office = mOffice->currentData().toString();
    filter.tag = mTag->currentData().toString();
    return filter;
}

void StoryFilterBar::setFilter(const StoryFilter &filter)
{
    const QSignalBlocker blockSearch(mSearch);
    const QSignalBlocker blockStatus(mStatus);
    const QSignalBlocker blockOffice(mOffice);
    const QSignalBlocker blockTag(mTag);
    mSearchTimer.stop();
    mSearch->setText(filter.search);
    selectData(mStatus, filter.onlyDeleted ? kTrash
                        : filter.status    ? statusKey(*filter.status)
                                           : QString());
    // Office names ignore case in the library; match them the same way here.
    const int office = mOffice->findData(filter.office, Qt::UserRole, Qt::MatchFixedString);
    mOffice->setCurrentIndex(filter.office.isEmpty() || office < 0 ? 0 : office);
    selectData(mTag, filter.tag);
}

template <typename Refill> void StoryFilterBar::refillCombo(QComboBox *combo, Refill refill)
{
    const QString current = combo->currentData().toString();
    {
        const QSignalBlocker blocker(combo);
        while (combo->count() > 1) {
            combo->removeItem(combo->count() - 1);
        }
        refill();
        selectData(combo, current);
    }
    if (combo->currentData().toString() != current) {
        applyNow();
    }
}

void StoryFilterBar::setOffices(const QVector<Office> &offices)
{
    refillCombo(mOffice, [&] {
        for (const Office &office : offices) {
            mOffice->addItem(office.name, office.name);
        }
    });
}

void StoryFilterBar::setTags(const QVector<Tag> &tags)
{
    refillCombo(mTag, [&] {
        QString category;
        for (const Tag &tag : tags) {
            // Tags come sorted by category; a line between categories makes them easy to scan.
            if (mTag->count() > 1 && tag.category != category) {
                mTag->insertSeparator(mTag->count());
            }
            category = tag.category;
            mTag->addItem(tag.label(), tag.label());
        }
    });
}

QList<QWidget *> StoryFilterBar::tabOrder() const
{
    return {mSearch, mStatus, mOffice, mTag};
}

bool StoryFilterBar::isTrashShown() const
{
    return mStatus->currentData().toString() == kTrash;
}

void StoryFilterBar::setTrashShown(bool shown)
{
    if (shown == isTrashShown()) {
        return;
    }
    mStatus->setCurrentIndex(shown ? mStatus->findData(kTrash) : 0); // emits filterChanged()
}

void StoryFilterBar::focusSearch()
{
    mSearch->setFocus(Qt::ShortcutFocusReason);
    mSearch->selectAll();
}

void StoryFilterBar::applyNow()
{
    mSearchTimer.stop();
    emit filterChanged(filter());
}

StoryFilterBar::~StoryFilterBar()
{
    disconnectChildSignals(this);
}

} // namespace fo
