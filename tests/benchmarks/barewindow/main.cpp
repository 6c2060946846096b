// The yardstick for start-up time: a bare Qt 6 window linking only Qt Widgets, shown, painted
// and closed, started as a whole process the same way fieldoffice-bench starts fieldoffice.

// With --line-edit the window holds one line edit with a word in it: the yardstick for what the
// first text of any window costs (Qt reads the font database before it can lay it out).

#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <ctime>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    if (QCoreApplication::arguments().contains(QStringLiteral("--line-edit"))) {
        window.setCentralWidget(new QLineEdit(QStringLiteral("Field Office"), &window));
    }
    window.resize(1400, 900);
    // Quits once the first expose has painted the window, reporting when (as fieldoffice
    // --quit-when-shown does).
    struct FirstExpose : QObject
    {
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Expose && !seen) {
                seen = true;
                QTimer::singleShot(0, qApp, [] {
                    timespec now{};
                    clock_gettime(CLOCK_MONOTONIC, &now);
                    std::printf("shown-at-ns %lld\n",
                                static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec);
                    std::fflush(stdout);
                    QCoreApplication::quit();
                });
            }
            return false;
        }
        bool seen = false;
    } watch;
    window.show();
    window.windowHandle()->installEventFilter(&watch);
    return QApplication::exec();
}
