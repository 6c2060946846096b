#pragma once

#include <QLabel>
#include <QPointer>

namespace fo {

/// The one way the window shows a problem (or a notice) in place: a strip of text across the
/// window, a panel or a dialog, hidden while there is nothing to say and read out by screen
/// readers as its text.
///
/// Its colours come from the palette, never from fixed values: the window's own background and
/// text, tinted toward red for an error and toward amber for a notice. So the strip stays
/// readable in a dark theme, and follows a theme change while the program runs.
class ErrorStrip : public QLabel
{
    Q_OBJECT

public:
    enum class Kind
    {
        Error,
        Notice,
        Info // plain text, no tint: the outcome of an action that worked
    };

    explicit ErrorStrip(QWidget *parent = nullptr);

    /// Shows `text`; an empty text hides the strip.
    void showMessage(const QString &text, Kind kind = Kind::Error);
    void clearMessage();
    Kind kind() const { return mKind; }
    /// The message while the strip shows; empty while hidden.
    QString message() const;

    /// The strip's background for `kind`, made from `palette`'s window colour.
    static QColor background(Kind kind, const QPalette &palette);
    /// The strip's text colour for `kind`, made from `palette`'s text colour: also what other
    /// widgets use to draw a short error word ("Not saved").
    static QColor foreground(Kind kind, const QPalette &palette);

    /// As tall as the text wrapped at the strip's width: a vertical layout takes the size
    /// hint, which QLabel computes for a far narrower (and taller) text.
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Sets the tinted colours from the palette the strip would have without them.
    void applyColours();
    void recolourLater();
    void watchParent();

    Kind mKind = Kind::Error;
    bool mColouring = false;
    QPointer<QWidget> mWatched; // the parent whose colours the strip's are made from
};

} // namespace fo
