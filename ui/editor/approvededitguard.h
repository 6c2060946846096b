#pragma once

#include "domain/story.h"

#include <QObject>
#include <QSet>

#include <functional>

class QWidget;

namespace fo {

/// Warns once before the first change to an Approved or Released story: a change withdraws
/// the approval (the story goes back to Draft, DRAFT in previews and exports, and needs
/// approving again), which one stray keystroke used to do silently.
///
/// It watches the editor's fields and text: a key that would change them is held back and the
/// warning asked first; when the person goes on, the key is delivered and nothing more is
/// asked for this story until it is approved again. A change that comes another way (a click
/// on a combo box or the format toolbar) is asked about as it happens: StoryEditor undoes it
/// when the person keeps the approval (confirmAfterChange()).
class ApprovedEditGuard : public QObject
{
    Q_OBJECT

public:
    /// Asks the question; true to go on. Tests replace it.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;

    explicit ApprovedEditGuard(QWidget *dialogParent);

    void watch(QWidget *field);
    /// The editor shows `story` (opened, or its state changed); `editable`: the person may
    /// change it. Arms the guard for an Approved or Released story not yet agreed to.
    void follow(const Story &story, bool editable);
    bool isArmed() const { return mArmed; }
    /// A change reached the story while armed: asks now. False when the person keeps the
    /// approval (the caller takes the change back).
    bool confirmAfterChange();

    void setConfirm(Confirm confirm) { mConfirm = std::move(confirm); }
    /// How often the warning was shown (for tests).
    int warningsShown() const { return mShown; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool ask();

    QWidget *mParent = nullptr;
    Confirm mConfirm;
    bool mArmed = false;
    bool mAsking = false;
    qint64 mStoryId = 0;
    StoryStatus mStatus = StoryStatus::Draft;
    QSet<QObject *> mWatched;
    int mShown = 0;
};

} // namespace fo
