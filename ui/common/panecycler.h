#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QWidget;

namespace fo {

/// Moves the keyboard focus from pane to pane (F6 and Shift+F6, as in most desktop programs),
/// so that nobody has to Tab through every field to get from the list to the text.
class PaneCycler : public QObject
{
    Q_OBJECT

public:
    struct Pane
    {
        QWidget *area;  // the focus is "in" the pane when it is in this widget
        QWidget *focus; // what gets the focus when the pane is entered
    };
    /// `panes` lists the panes that can take the focus now, in order.
    PaneCycler(std::function<QList<Pane>()> panes, QObject *parent);

public slots:
    void next();
    void previous();

private:
    void move(int step);

    std::function<QList<Pane>()> mPanes;
};

} // namespace fo
