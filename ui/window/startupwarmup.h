#pragma once

#include <future>
#include <thread>

namespace fo {

/// Font work the first frame needs, done on a second core while the main thread makes the
/// application object and opens the library. The first text of any Qt window waits for
/// fontconfig to read its configuration (some 40 XML files and the font caches) and for Qt to
/// build its font database from it; none of it depends on the window (fieldoffice-bench:
/// "start → Field Office window with the list").
///
///     StartupWarmup warmup;          // before QApplication: fontconfig starts at once
///     QApplication app(argc, argv);
///     warmup.applicationReady();     // Qt's font database may now be built too
///     ... open the library ...
///     warmup.finish();               // before the first widget
///
/// QFontDatabase is thread-safe (Qt documents every function of it so); fontconfig has been
/// since 2.10. finish() must come before the application object goes.
class StartupWarmup
{
public:
    StartupWarmup();
    ~StartupWarmup();
    StartupWarmup(const StartupWarmup &) = delete;
    StartupWarmup &operator=(const StartupWarmup &) = delete;

    /// The QGuiApplication exists: the thread goes on from fontconfig to Qt's font database.
    void applicationReady();
    /// Waits for the thread (at once when it is done). Without applicationReady() the thread
    /// stops after fontconfig.
    void finish();

private:
    std::promise<bool> mApplication;
    bool mApplicationSet = false;
    std::thread mThread;
};

} // namespace fo
