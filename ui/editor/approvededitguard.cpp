#include "editor/approvededitguard.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace fo {

namespace {

bool approvedState(StoryStatus status)
{
    return status == StoryStatus::Approved || status == StoryStatus::Released;
}

/// A key that would change a field or the text (typing, deleting, a new line, a paste).
/// Return in a one-line field changes nothing.
bool changesText(const QKeyEvent &key, bool oneLine)
{
    if (key.matches(QKeySequence::Paste) || key.matches(QKeySequence::Cut) ||
        key.matches(QKeySequence::Delete) || key.matches(QKeySequence::DeleteEndOfWord) ||
        key.matches(QKeySequence::DeleteStartOfWord)) {
        return true;
    }
    switch (key.key()) {
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return !oneLine;
    default:
        break;
    }
    const Qt::KeyboardModifiers mods = key.modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    return mods == Qt::NoModifier && !key.text().isEmpty() && key.text().at(0).isPrint();
}

} // namespace

ApprovedEditGuard::ApprovedEditGuard(QWidget *dialogParent)
    : QObject(dialogParent), mParent(dialogParent)
{
    mConfirm = [this](const QString &title, const QString &text) {
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, mParent);
        QPushButton *change = box.addButton(tr("Change It"), QMessageBox::AcceptRole);
        box.addButton(tr("Keep Approved"), QMessageBox::RejectRole);
        box.setDefaultButton(change);
        box.exec();
        return box.clickedButton() == change;
    };
}

void ApprovedEditGuard::watch(QWidget *field)
{
    if (field && !mWatched.contains(field)) {
        mWatched.insert(field);
        field->installEventFilter(this);
        connect(field, &QObject::destroyed, this, [this](QObject *gone) { mWatched.remove(gone); });
    }
}

void ApprovedEditGuard::follow(const Story &story, bool editable)
{
    // Another story, or this one approved (again): the next change is the first one.
    const bool fresh =
        story.id != mStoryId || (approvedState(story.status) && !approvedState(mStatus));
    mStoryId = story.id;
    mStatus = story.status;
    if (!editable || !approvedState(story.status)) {
        mArmed = false;
    } else if (fresh) {
        mArmed = true;
    }
}

bool ApprovedEditGuard::ask()
{
    if (mAsking) {
        return false;
    }
    mAsking = true;
    ++mShown;
    const bool released = mStatus == StoryStatus::Released;
    const QString text =
        (released ? tr("This story is released.") : tr("This story is approved.")) +
        QLatin1Char(' ') +
        tr("Changing anything in it — a word, a tag, the embargo — withdraws the approval: "
           "the story goes back to Draft, is marked DRAFT in the preview and in exports, and "
           "must be approved again before it can be released or go into a packet.\n\n"
           "Change it anyway?");
    const bool go = mConfirm(tr("Change an Approved Story?"), text);
    mAsking = false;
    if (go) {
        mArmed = false;
    }
    return go;
}

bool ApprovedEditGuard::confirmAfterChange()
{
    return !mArmed || ask();
}

bool ApprovedEditGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (mArmed && event->type() == QEvent::KeyPress && mWatched.contains(watched)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (changesText(*key, qobject_cast<QLineEdit *>(watched) != nullptr)) {
            if (ask()) {
                // The key the person pressed is the first change: it goes through now.
                QKeyEvent again(key->type(), key->key(), key->modifiers(), key->text(),
                                key->isAutoRepeat(), ushort(key->count()));
                QCoreApplication::sendEvent(watched, &again);
            }
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace fo
