#include "common/errorstrip.h"

#include <QApplication>
#include <QEvent>
#include <QResizeEvent>

namespace fo {

namespace {

const QColor kRed(0xd0, 0x20, 0x20);
const QColor kAmber(0xe0, 0xa8, 0x00);

/// `from` moved `amount` (0–1) of the way toward `to`.
QColor mix(const QColor &from, const QColor &to, qreal amount)
{
    const auto channel = [amount](int a, int b) { return qRound(a + (b - a) * amount); };
    return QColor(channel(from.red(), to.red()), channel(from.green(), to.green()),
                  channel(from.blue(), to.blue()));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

} // namespace

ErrorStrip::ErrorStrip(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setMargin(6);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setVisible(false);
    watchParent();
    applyColours();
}

void ErrorStrip::showMessage(const QString &text, Kind kind)
{
    mKind = kind;
    applyColours();
    setText(text);
    setAccessibleName(text);
    setVisible(!text.isEmpty());
}

void ErrorStrip::clearMessage()
{
    showMessage(QString(), mKind);
}

QString ErrorStrip::message() const
{
    return isHidden() ? QString() : text();
}

QColor ErrorStrip::background(Kind kind, const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    switch (kind) {
    case Kind::Error:
        return mix(window, kRed, isDark(palette) ? 0.35 : 0.15);
    case Kind::Notice:
        return mix(window, kAmber, isDark(palette) ? 0.3 : 0.2);
    case Kind::Info:
        break;
    }
    return window;
}

QColor ErrorStrip::foreground(Kind kind, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    switch (kind) {
    case Kind::Error:
        // Dark red on a light theme, a light rose on a dark one: the text's own contrast.
        return mix(text, kRed, isDark(palette) ? 0.3 : 0.6);
    case Kind::Notice:
        return mix(text, kAmber, 0.25);
    case Kind::Info:
        break;
    }
    return text;
}

void ErrorStrip::applyColours()
{
    // Our own palette carries the tints: start from the one the strip would inherit.
    const QPalette source = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    mColouring = true;
    QPalette colours = source;
    colours.setColor(QPalette::Window, background(mKind, source));
    colours.setColor(QPalette::WindowText, foreground(mKind, source));
    setPalette(colours);
    setAutoFillBackground(mKind != Kind::Info);
    mColouring = false;
}

QSize ErrorStrip::sizeHint() const
{
    const QSize hint = QLabel::sizeHint();
    return width() > hint.width() ? QSize(hint.width(), heightForWidth(width())) : hint;
}

void ErrorStrip::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) {
        updateGeometry(); // the hint follows the width
    }
}

bool ErrorStrip::event(QEvent *event)
{
    // Not passed to changeEvent(): a theme change that touches only the roles the strip sets
    // itself would otherwise go unnoticed.
    if (event->type() == QEvent::ApplicationPaletteChange) {
        recolourLater();
    }
    return QLabel::event(event);
}

void ErrorStrip::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::ParentChange) {
        watchParent();
        recolourLater();
    } else if (!mColouring && event->type() == QEvent::PaletteChange) {
        recolourLater();
    }
}

bool ErrorStrip::eventFilter(QObject *watched, QEvent *event)
{
    // The parent's new colours: the strip's own tints hide them from Qt's propagation when
    // only the roles it sets changed.
    if (watched == parentWidget() && event->type() == QEvent::PaletteChange) {
        recolourLater();
    }
    return QLabel::eventFilter(watched, event);
}

void ErrorStrip::watchParent()
{
    if (mWatched) {
        mWatched->removeEventFilter(this);
    }
    mWatched = parentWidget();
    if (mWatched) {
        mWatched->installEventFilter(this);
    }
}

void ErrorStrip::recolourLater()
{
    // Queued: a theme change reaches the strip before its parent has taken the new colours.
    QMetaObject::invokeMethod(this, &ErrorStrip::applyColours, Qt::QueuedConnection);
}

} // namespace fo
