#include "editor/previewfitter.h"

#include <QEvent>
#include <QSplitter>

namespace fo {

PreviewFitter::PreviewFitter(QSplitter *splitter, QWidget *preview, int minimum, int editorMinimum)
    : QObject(splitter), mSplitter(splitter), mWatched(splitter), mPreview(preview),
      mMinimum(minimum), mEditorMinimum(editorMinimum)
{
    splitter->installEventFilter(this);
}

void PreviewFitter::setWanted(bool wanted)
{
    mWanted = wanted;
    apply();
}

int PreviewFitter::editorMinimum() const
{
    const QWidget *column = mSplitter && mSplitter->count() > 0 ? mSplitter->widget(0) : nullptr;
    return qMax(mEditorMinimum, column ? column->minimumSizeHint().width() : 0);
}

bool PreviewFitter::fits() const
{
    return mSplitter && mSplitter->width() >= editorMinimum() + mMinimum + mSplitter->handleWidth();
}

bool PreviewFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mWatched && event->type() == QEvent::Resize) {
        apply();
    }
    return QObject::eventFilter(watched, event);
}

void PreviewFitter::apply()
{
    if (!mSplitter || !mPreview) {
        return;
    }
    // A splitter that was never laid out has no width yet: judge once it has one.
    const bool laidOut = mSplitter->testAttribute(Qt::WA_Resized) || mSplitter->isVisible();
    const bool show = mWanted && (!laidOut || fits());
    if (mPreview->isHidden() == show) {
        mPreview->setVisible(show);
    }
    if (!show || !laidOut || mSplitter->count() < 2) {
        return;
    }
    QList<int> sizes = mSplitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (sizes.value(1) < mMinimum && total >= mMinimum + editorMinimum()) {
        mSplitter->setSizes({total - mMinimum, mMinimum});
    }
}

} // namespace fo
