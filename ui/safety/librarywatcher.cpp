#include "safety/librarywatcher.h"

#include "library/dataversion.h"

#include <QGuiApplication>

namespace fo {

LibraryWatcher::LibraryWatcher(const Database &db, QObject *parent)
    : QObject(parent), mDb(db), mVersion(libraryDataVersion(db))
{
    mTimer.setInterval(kPollMs);
    connect(&mTimer, &QTimer::timeout, this, &LibraryWatcher::check);
    mTimer.start();
    // Back from another program (a terminal where `fieldoffice edit` ran): look at once.
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive) {
                    check();
                }
            });
}

void LibraryWatcher::check()
{
    const qint64 version = libraryDataVersion(mDb);
    if (version < 0 || version == mVersion) {
        return;
    }
    mVersion = version;
    emit libraryChanged();
}

} // namespace fo
