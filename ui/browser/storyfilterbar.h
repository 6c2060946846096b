#pragma once

#include "domain/story.h"
#include "library/officerepository.h"
#include "library/tagrepository.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace fo {

/// The bar above the story list: a search box and status, office and tag choices.
///
/// Choices apply at once; typing applies after a short pause, so that a list of 100,000 stories
/// is not searched again at every key.
class StoryFilterBar : public QWidget
{
    Q_OBJECT

public:
    /// Long enough to cover the gap between two keys of a word, short enough to feel immediate.
    static constexpr int kSearchDelayMs = 150;

    explicit StoryFilterBar(QWidget *parent = nullptr);

    ~StoryFilterBar() override;

    StoryFilter filter() const;
    /// Shows `filter` without emitting filterChanged(). An office or tag that is not among the
    /// choices falls back to "All".
    void setFilter(const StoryFilter &filter);
    /// The search box's clear button. Its icon comes from the desktop's icon theme, whose
    /// first lookup reads the theme from disk (fieldoffice-bench: "start →"), so a window adds it
    /// after its first frame; until there is text the button does not show anyway.
    void addClearButton();

    /// Replaces the choices, keeping the current one when it is still there (otherwise "All",
    /// and filterChanged() is emitted).
    void setOffices(const QVector<Office> &offices);
    void setTags(const QVector<Tag> &tags);

    QLineEdit *searchEdit() const { return mSearch; }
    /// The widgets of the bar in tab order.
    QList<QWidget *> tabOrder() const;

    /// True while the list shows the Trash (the last choice of the status filter).
    bool isTrashShown() const;
    /// Shows the Trash, or everything (all statuses) again; emits filterChanged().
    void setTrashShown(bool shown);

public slots:
    void focusSearch();

signals:
    void filterChanged(const fo::StoryFilter &filter);

private:
    void applyNow();
    /// Runs `refill`, then selects the previous choice again (or "All") without signals; emits
    /// filterChanged() when the filter changed as a result.
    template <typename Refill> void refillCombo(QComboBox *combo, Refill refill);

    QLineEdit *mSearch = nullptr;
    QComboBox *mStatus = nullptr;
    QComboBox *mOffice = nullptr;
    QComboBox *mTag = nullptr;
    QTimer mSearchTimer;
};

} // namespace fo
