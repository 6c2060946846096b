// The yardstick for start-up time: a bare Qt 6 window linking only Qt Widgets, shown, painted
// and closed, started as a whole process the same way fieldoffice-bench starts fieldoffice.

#include <QApplication>
#include <QMainWindow>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1400, 900);
    window.show();
    QTimer::singleShot(0, &app, [&window] {
        window.repaint();
        QCoreApplication::quit();
    });
    return QApplication::exec();
}
