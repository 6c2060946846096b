#pragma once

#include <QObject>
#include <QTimer>

namespace fo {

class Database;

/// Notices that another program (the command line, a second window) changed the library: it
/// asks SQLite's data_version every kPollMs and when the application becomes active again, and
/// says so once per change. The window then reads its list and the open story again.
class LibraryWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPollMs = 1500;

    explicit LibraryWatcher(const Database &db, QObject *parent = nullptr);

    /// Asks now; emits libraryChanged() when another program wrote since the last question.
    void check();

signals:
    void libraryChanged();

private:
    const Database &mDb;
    QTimer mTimer;
    qint64 mVersion = -1;
};

} // namespace fo
