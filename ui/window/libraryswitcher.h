#pragma once

#include "library/database.h"

#include <QObject>

class QAction;
class QMenu;

namespace fo {

class MainWindow;
class Session;

/// File ▸ Open Library…, New Library… and Open Recent (issue 12 item 5). Another library opens
/// in a window of its own, through the same typed open as at start-up (openLibrary(), refusing
/// a damaged, newer or foreign file with the usual words); only once it is open does the
/// current window flush its story and close, so a refused file leaves the current library open
/// and untouched. The recent libraries (at most UiSettings::kRecentLibraries) are kept in the
/// UI settings; a file that is gone shows disabled.
class LibrarySwitcher : public QObject
{
    Q_OBJECT

public:
    LibrarySwitcher(MainWindow &window, Session &session);

    QAction *openAction() const { return mOpen; }
    QAction *newAction() const { return mNew; }
    QMenu *recentMenu() const { return mRecent; }

    /// Opens the library at `path` (`mode`: MustExist, or CreateNew for New Library…) in a new
    /// window and closes this one. Null, with `error` in words, when the file is refused or
    /// this window's story could not be saved first; nothing changes then.
    MainWindow *switchTo(const QString &path, Database::OpenMode mode, QString *error);

private:
    void chooseAndOpen();
    void chooseAndCreate();
    void fillRecent();
    void openOrSay(const QString &path, Database::OpenMode mode);

    MainWindow &mWindow;
    Session &mSession;
    QAction *mOpen = nullptr;
    QAction *mNew = nullptr;
    QMenu *mRecent = nullptr;
};

} // namespace fo
