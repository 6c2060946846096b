#pragma once

#include <QObject>
#include <QPointer>

class QSplitter;
class QWidget;

namespace fo {

/// Keeps the live preview readable (issue 12 item 13): below `minimum` pixels it would break
/// words by syllable, so while the editor splitter cannot give it that much beside an editor
/// column of `editorMinimum`, the preview hides itself, and it shows again when there is room.
/// The preview never adds its width to the window's minimum: a 1024-pixel screen fits.
class PreviewFitter : public QObject
{
    Q_OBJECT

public:
    PreviewFitter(QSplitter *splitter, QWidget *preview, int minimum, int editorMinimum);

    /// Whether the user wants the preview (View ▸ Preview); it shows when it also fits.
    void setWanted(bool wanted);
    bool isWanted() const { return mWanted; }
    /// Whether the preview would fit now.
    bool fits() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();
    int editorMinimum() const;

    QPointer<QSplitter> mSplitter;
    // The splitter as a plain object, only to recognise its events: while it is being destroyed
    // it still sends some (a synthetic leave) when it is no longer a QSplitter, and reading
    // mSplitter then downcasts a QWidget (UBSan's vptr check fails).
    const QObject *mWatched = nullptr;
    QPointer<QWidget> mPreview;
    int mMinimum = 0;
    int mEditorMinimum = 0;
    bool mWanted = true;
};

} // namespace fo
