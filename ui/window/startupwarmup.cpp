#include "window/startupwarmup.h"

#include <QFont>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>

#include <fontconfig/fontconfig.h>

namespace fo {

StartupWarmup::StartupWarmup()
{
    mThread = std::thread([application = mApplication.get_future()]() mutable {
        FcInit();
        if (!application.get()) {
            return;
        }
        QFontDatabase::families(); // Qt's database of the fonts fontconfig knows
        // The fonts the application font falls back on: Qt asks fontconfig to sort every
        // font for them once, for all threads. A line edit asks at once (whether the font
        // has U+25CF for passwords; the usual Latin fonts have not).
        QFontMetrics(QGuiApplication::font()).inFontUcs4(0x25CF);
    });
}

StartupWarmup::~StartupWarmup()
{
    finish();
}

void StartupWarmup::applicationReady()
{
    if (!mApplicationSet) {
        mApplicationSet = true;
        mApplication.set_value(true);
    }
}

void StartupWarmup::finish()
{
    if (!mApplicationSet) {
        mApplicationSet = true;
        mApplication.set_value(false);
    }
    if (mThread.joinable()) {
        mThread.join();
    }
}

} // namespace fo
