#include "editor/editorbanner.h"

namespace fo {

EditorBanner::EditorBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("editorBanner"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setMargin(6);
    setAutoFillBackground(true);
    setVisible(false);
}

void EditorBanner::showMessage(const QString &text, Kind kind)
{
    QPalette colours = palette();
    if (kind == Kind::Error) {
        colours.setColor(QPalette::Window, QColor(0xfd, 0xe2, 0xe1));
        colours.setColor(QPalette::WindowText, QColor(0x8a, 0x1c, 0x1c));
    } else {
        colours.setColor(QPalette::Window, QColor(0xfd, 0xf3, 0xd0));
        colours.setColor(QPalette::WindowText, QColor(0x4a, 0x3b, 0x00));
    }
    setPalette(colours);
    setText(text);
    setAccessibleName(text);
    setVisible(!text.isEmpty());
}

} // namespace fo
