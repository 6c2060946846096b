#pragma once

#include "backup/backup.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fo {

/// One automatic backup in a backup folder.
struct BackupEntry
{
    QString path;
    QDateTime time;   // when it was made (UTC), from its name
    qint64 size = 0;  // bytes
    int stories = -1; // -1 until read (BackupStore::list(true)) or when unreadable
    QString fingerprint;
    QString error; // why it could not be read, when stories < 0 after reading
};

/// The automatic backups of one library: a folder of verified copies named
/// `<library name>-<UTC time>.fieldoffice` ("library-2026-12-05T22-57-04Z.fieldoffice"),
/// by default `<library folder>/<library name> backups/`.
///
/// Rotation keeps the 10 newest and the newest backup of each of the 7 most recent days (UTC)
/// that have backups (restic's --keep-last 10 --keep-daily 7) and deletes the rest. It only ever
/// touches files whose names follow this library's pattern; anything else in the folder stays.
class BackupStore
{
public:
    static constexpr int kKeepRecent = 10;
    static constexpr int kKeepDaily = 7;
    /// A temporary file of a backup that was cut off goes after this long (rotate()).
    static constexpr int kStalePartialSecs = 6 * 60 * 60;

    /// `folder` empty: defaultFolder(libraryPath).
    explicit BackupStore(const QString &libraryPath, const QString &folder = QString());

    static QString defaultFolder(const QString &libraryPath);
    QString folder() const { return mFolder; }
    QString libraryPath() const { return mLibrary; }

    /// The backups, newest first. With `details`, each is opened read-only through SQLite to
    /// count its stories (a few milliseconds each).
    QVector<BackupEntry> list(bool details) const;

    /// Writes a verified backup named after Clock::now(), then rotates. Creates the folder.
    BackupResult backUpNow(QStringList *removed = nullptr) const;
    /// backUpNow() when the library's content differs from the newest backup's; `written`
    /// says whether it wrote one (a library that did not change is no failure).
    BackupResult backUpIfChanged(bool *written, QStringList *removed = nullptr) const;
    /// Deletes the backups rotation does not keep, and what backups cut off midway left
    /// behind hours ago; returns their paths.
    QStringList rotate() const;

    /// Which of the backup times `newestFirst` rotation keeps, in the same order.
    static QVector<bool> keep(const QVector<QDateTime> &newestFirst);

private:
    QString pathFor(const QDateTime &time) const;
    bool parseName(const QString &fileName, QDateTime *time) const;

    QString mLibrary;
    QString mFolder;
    QString mBaseName;
};

} // namespace fo
