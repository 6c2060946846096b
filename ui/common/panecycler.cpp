#include "common/panecycler.h"

#include <QApplication>
#include <QWidget>

namespace fo {

PaneCycler::PaneCycler(std::function<QList<Pane>()> panes, QObject *parent)
    : QObject(parent), mPanes(std::move(panes))
{
}

void PaneCycler::next()
{
    move(1);
}

void PaneCycler::previous()
{
    move(-1);
}

void PaneCycler::move(int step)
{
    const QList<Pane> panes = mPanes();
    if (panes.isEmpty()) {
        return;
    }
    QWidget *focus = QApplication::focusWidget();
    int current = -1;
    for (int i = 0; i < panes.size(); ++i) {
        if (focus && (focus == panes.at(i).area || panes.at(i).area->isAncestorOf(focus))) {
            current = i;
        }
    }
    const int count = int(panes.size());
    const int next = current < 0 ? 0 : (current + step + count) % count;
    panes.at(next).focus->setFocus(Qt::ShortcutFocusReason);
}

} // namespace fo
