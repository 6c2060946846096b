#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace fo {

class Database;

/// The lasting part of the window's status bar: the open story's word count and reading time,
/// whether its changes are saved ("Saved 14:03:12", "Saving…", "Not saved" in the error strip's
/// colour), and which
/// library is open (and whether it is read-only).
class WindowStatus : public QObject
{
    Q_OBJECT

public:
    WindowStatus(QStatusBar *bar, const Database &db);

    void showSaveState(const QString &text, bool failed);
    /// Clears the count when no story is open (`open` false).
    void showStatistics(bool open, int words, int minutes);

private:
    QLabel *mSave = nullptr;
    QLabel *mWords = nullptr;
    QLabel *mLibrary = nullptr;
};

} // namespace fo
