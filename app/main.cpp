// fieldoffice: with a subcommand it runs on the command line without a display; without one it
// opens the editor window.

#include "base/startuptrace.h"
#include "cli/cli.h"
#include "demo/demolibrary.h"
#include "editor/bodyeditor.h"
#include "editor/storyeditor.h"
#include "library/database.h"
#include "messages/refusaltext.h"
#include "safety/shutdownguard.h"
#include "window/mainwindow.h"
#include "window/startupwarmup.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QScopeGuard>
#include <QSessionManager>
#include <QTextEdit>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(QStringLiteral("fieldoffice"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FO_VERSION));
}

bool hasDisplay()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && !platform.startsWith("xcb") && !platform.startsWith("wayland")) {
        return true; // offscreen, vnc, ...: the user asked for it
    }
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

/// For fieldoffice-bench: when the window is on the screen, as CLOCK_MONOTONIC nanoseconds on
/// stdout ("shown-at-ns N"), so that start-up is measured up to the frame and not the exit.
void reportShownAndQuit()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    std::printf("shown-at-ns %lld\n",
                static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec);
    std::fflush(stdout);
    QCoreApplication::quit();
}

/// For tests of a shutdown (tests/tst_shutdown.cpp) only: FIELDOFFICE_TEST_TYPE="ID:text" opens
/// story ID once start-up is over and types the text at the end of its body, a character every
/// 50 ms as a typist would (saving is left to the window), printing "typed N" on stdout after
/// the Nth. Unset, nothing of this runs.
void typeForTest(fo::MainWindow &window)
{
    const QString spec = qEnvironmentVariable("FIELDOFFICE_TEST_TYPE");
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon <= 0 || !window.openStory(spec.left(colon).toLongLong())) {
        return;
    }
    auto *timer = new QTimer(&window);
    auto typed = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, &window, [&window, timer, typed, spec, colon] {
        const QString text = spec.mid(colon + 1);
        if (*typed >= text.size()) {
            timer->stop();
            return;
        }
        QTextEdit *body = window.editor()->bodyEditor();
        QTextCursor cursor = body->textCursor();
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(text.at((*typed)++));
        body->setTextCursor(cursor);
        std::printf("typed %d\n", *typed);
        std::fflush(stdout);
    });
    timer->start(50);
}

/// The library the window opens: --library FILE, else the default one, created with the demo
/// stories on first start.
int runWindow(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i) {
        args << QString::fromLocal8Bit(argv[i]);
    }
    QString path;
    bool explicitPath = false;
    bool quitWhenShown = false;
    bool quitWhenReady = false;
    QString personName;
    // The command line's --as (one definition), before Qt's own options are known.
    const QString asFlag = QStringLiteral("--") + fo::cli::asOption(QString()).names().constFirst();
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == QLatin1String("--library") && i + 1 < args.size()) {
            path = args.at(++i);
            explicitPath = true;
        } else if (a.startsWith(QLatin1String("--library="))) {
            path = a.mid(10);
            explicitPath = true;
        } else if (a == asFlag && i + 1 < args.size()) {
            personName = args.at(++i); // who is working, as on the command line
        } else if (a.startsWith(asFlag + QLatin1Char('='))) {
            personName = a.mid(asFlag.size() + 1);
        } else if (a == QLatin1String("--quit-when-shown")) {
            quitWhenShown = true; // for fieldoffice-bench: start-up time as a whole process
        } else if (a == QLatin1String("--quit-when-ready")) {
            quitWhenReady = true; // ... until the story open last time is on the screen again
        } else if (a.startsWith(QLatin1Char('-')) && !a.startsWith(QLatin1String("-platform")) &&
                   !a.startsWith(QLatin1String("-style")) && a != QLatin1String("--")) {
            std::fprintf(stderr, "fieldoffice: unknown option %s (see fieldoffice --help)\n",
                         argv[i]);
            return 2;
        }
    }
    if (!hasDisplay()) {
        std::fputs("fieldoffice: no display found (DISPLAY is not set); the window needs one. "
                   "Use the command line instead: fieldoffice --help\n",
                   stderr);
        return 1;
    }
    fo::traceStartup("main");
    fo::StartupWarmup warmup; // fonts on the second core, beside the application and library
    QApplication app(argc, argv);
    warmup.applicationReady();
    // Whatever happens below, the thread is done before the application object goes.
    const auto joinWarmup = qScopeGuard([&warmup] { warmup.finish(); });
    fo::traceStartup("application");
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Field Office"));

    if (!explicitPath) {
        path = fo::Database::defaultPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
    }
    const bool firstStart = !explicitPath && !QFileInfo::exists(path);
    QString error;
    std::unique_ptr<fo::Database> db;
    if (auto opened = fo::Database::open(path, firstStart ? fo::Database::OpenMode::CreateNew
                                                          : fo::Database::OpenMode::MustExist)) {
        db = std::move(*opened);
    } else {
        error = fo::refusalText(opened.refusal());
    }
    if (db && firstStart) {
        if (const fo::Result<int> demo = fo::createDemoLibrary(*db); !demo) {
            error = fo::refusalText(demo.refusal());
            // A half-made first library is worth nothing; start clean next time.
            db.reset();
            QFile::remove(path);
        }
    }
    if (!db) {
        std::fprintf(stderr, "fieldoffice: %s\n", error.toUtf8().constData());
        QMessageBox::critical(nullptr, QStringLiteral("Field Office"),
                              QStringLiteral("The library could not be opened.\n\n%1").arg(error));
        return 1;
    }
    fo::traceStartup("library");
    warmup.finish();
    fo::traceStartup("fonts");
    std::optional<fo::Person> person;
    if (!personName.isEmpty()) {
        person = fo::cli::findActingPerson(*db, personName);
        if (!person) {
            std::fprintf(stderr, "fieldoffice: %s\n",
                         fo::cli::unknownPersonText(personName).toUtf8().constData());
            return 1;
        }
    }
    // On the heap: File ▸ Open Library… opens another library in a window of its own and
    // closes this one, which then goes with its library (WA_DeleteOnClose).
    auto *first = new fo::MainWindow(std::move(db));
    first->setAttribute(Qt::WA_DeleteOnClose);
    fo::MainWindow &window = *first;
    fo::traceStartup("window");
    if (person) {
        window.setCurrentPerson(*person);
    }
    if (quitWhenShown) {
        QObject::connect(&window, &fo::MainWindow::firstFrameShown, &app, reportShownAndQuit);
    } else if (quitWhenReady) {
        QObject::connect(&window, &fo::MainWindow::startupFinished, &app, [&window] {
            window.repaint(); // the restored story on the screen
            reportShownAndQuit();
        });
    }
    // A logout, a shutdown, Ctrl+C: the open story is saved (or journalled) before quitting,
    // in whichever window is open then.
    const auto saveAll = [] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *main = qobject_cast<fo::MainWindow *>(w)) {
                main->saveForShutdown();
            }
        }
    };
    fo::ShutdownGuard shutdownGuard;
    QObject::connect(&shutdownGuard, &fo::ShutdownGuard::shutdownRequested, &app, [saveAll] {
        saveAll();
        QCoreApplication::quit();
    });
    QObject::connect(&app, &QGuiApplication::commitDataRequest, &app,
                     [saveAll](QSessionManager &) { saveAll(); });
    if (qEnvironmentVariableIsSet("FIELDOFFICE_TEST_TYPE")) {
        QObject::connect(&window, &fo::MainWindow::startupFinished, &window,
                         [&window] { typeForTest(window); });
    }
    window.show();
    fo::traceStartup("show");
    const int code = app.exec();
    // Every window still there closes its library now (its destructor saves and marks the
    // session as ended cleanly), before the application object goes.
    QList<QPointer<fo::MainWindow>> left;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *main = qobject_cast<fo::MainWindow *>(w)) {
            left << main;
        }
    }
    for (const QPointer<fo::MainWindow> &main : std::as_const(left)) {
        delete main.data();
    }
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i) {
        args << QString::fromLocal8Bit(argv[i]);
    }
    if (fo::cli::isCommandLine(args)) {
        // QGuiApplication without a window system: QTextDocument and fonts for export still work
        // through the offscreen platform; the command line never needs a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        QCoreApplication app(argc, argv);
        setIdentity();
        QFile in;
        QFile out;
        QFile err;
        const bool readable = in.open(stdin, QIODevice::ReadOnly);
        out.open(stdout, QIODevice::WriteOnly);
        err.open(stderr, QIODevice::WriteOnly);
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        return fo::cli::runCli(QCoreApplication::arguments().mid(1),
                               fo::cli::CliIo{outStream, errStream, readable ? &in : nullptr});
    }
    return runWindow(argc, argv);
}
