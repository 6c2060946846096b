#include "backup/backupstore.h"

#include "base/clock.h"
#include "library/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace fo {

namespace {

const QString kTimeFormat = QStringLiteral("yyyy-MM-ddTHH-mm-ss");

} // namespace

BackupStore::BackupStore(const QString &libraryPath, const QString &folder)
    : mLibrary(QFileInfo(libraryPath).absoluteFilePath()),
      mFolder(folder.isEmpty() ? defaultFolder(libraryPath) : QDir(folder).absolutePath()),
      mBaseName(QFileInfo(libraryPath).completeBaseName())
{
}

QString BackupStore::defaultFolder(const QString &libraryPath)
{
    const QFileInfo info(libraryPath);
    // Beside the library, where a user looking for it finds it: "library backups".
    return info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(" backups"));
}

QString BackupStore::pathFor(const QDateTime &time) const
{
    const QString stamp = time.toUTC().toString(kTimeFormat);
    const QDir dir(mFolder);
    // Two backups within one second (Back Up Now twice) get -1, -2 … rather than replacing.
    for (int n = 0;; ++n) {
        const QString name =
            QStringLiteral("%1-%2Z%3.%4")
                .arg(mBaseName, stamp, n ? QStringLiteral("-%1").arg(n) : QString(),
                     QLatin1String(Database::kFileSuffix));
        if (!QFileInfo::exists(dir.filePath(name))) {
            return dir.filePath(name);
        }
    }
}

bool BackupStore::parseName(const QString &fileName, QDateTime *time) const
{
    const QRegularExpression pattern(
        QStringLiteral("^%1-(\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d)Z(?:-(\\d{1,4}))?\\.%2$")
            .arg(QRegularExpression::escape(mBaseName), QLatin1String(Database::kFileSuffix)));
    const QRegularExpressionMatch match = pattern.match(fileName);
    if (!match.hasMatch()) {
        return false;
    }
    QDateTime t = QDateTime::fromString(match.captured(1), kTimeFormat);
    if (!t.isValid()) {
        return false;
    }
    t.setTimeSpec(Qt::UTC);
    // Names have whole seconds; -N orders backups made within the same second.
    *time = t.addMSecs(match.captured(2).toInt());
    return true;
}

QVector<BackupEntry> BackupStore::list(bool details) const
{
    QVector<BackupEntry> entries;
    const QDir dir(mFolder);
    const QFileInfoList files =
        dir.entryInfoList({QStringLiteral("*.") + QLatin1String(Database::kFileSuffix)},
                          QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo &file : files) {
        BackupEntry entry;
        if (!parseName(file.fileName(), &entry.time)) {
            continue;
        }
        entry.path = file.absoluteFilePath();
        entry.size = file.size();
        entries << entry;
    }
    std::sort(entries.begin(), entries.end(),
              [](const BackupEntry &a, const BackupEntry &b) { return a.time > b.time; });
    if (details) {
        for (BackupEntry &entry : entries) {
            const BackupCheck check = readLibraryCopy(entry.path);
            entry.stories = check.ok ? check.stories : -1;
            entry.fingerprint = check.fingerprint;
            entry.error = check.error;
        }
    }
    return entries;
}

BackupResult BackupStore::backUpNow(QStringList *removed) const
{
    if (!QDir().mkpath(mFolder)) {
        BackupResult result;
        result.error = QStringLiteral("cannot create the backup folder %1")
                           .arg(QDir::toNativeSeparators(mFolder));
        return result;
    }
    BackupResult result = writeBackup(mLibrary, pathFor(Clock::now()), false);
    if (result.ok) {
        const QStringList gone = rotate();
        if (removed) {
            *removed = gone;
        }
    }
    return result;
}

BackupResult BackupStore::backUpIfChanged(bool *written, QStringList *removed) const
{
    *written = false;
    BackupResult result;
    const Result<QString> fingerprint = libraryFingerprint(mLibrary);
    if (!fingerprint) {
        // The backup's results still carry their words (BackupResult::error).
        result.error = fingerprint.refusal().detail;
        return result;
    }
    const QString &now = *fingerprint;
    // The newest backup that can be read is the one to compare with.
    for (const BackupEntry &entry : list(false)) {
        const BackupCheck check = readLibraryCopy(entry.path);
        if (!check.ok) {
            continue;
        }
        if (check.fingerprint == now) {
            result.ok = true;
            result.path = entry.path;
            result.stories = check.stories;
            result.size = entry.size;
            result.fingerprint = now;
            return result;
        }
        break;
    }
    result = backUpNow(removed);
    *written = result.ok;
    return result;
}

QVector<bool> BackupStore::keep(const QVector<QDateTime> &newestFirst)
{
    QVector<bool> kept(newestFirst.size(), false);
    for (int i = 0; i < newestFirst.size() && i < kKeepRecent; ++i) {
        kept[i] = true;
    }
    QSet<QDate> days;
    for (int i = 0; i < newestFirst.size(); ++i) {
        const QDate day = newestFirst.at(i).toUTC().date();
        if (days.contains(day)) {
            continue;
        }
        if (days.size() == kKeepDaily) {
            break;
        }
        days.insert(day);
        kept[i] = true; // newest first: the first of a day is its newest
    }
    return kept;
}

QStringList BackupStore::rotate() const
{
    const QVector<BackupEntry> entries = list(false);
    QVector<QDateTime> times;
    for (const BackupEntry &entry : entries) {
        times << entry.time;
    }
    const QVector<bool> kept = keep(times);
    QStringList removed;
    for (int i = 0; i < entries.size(); ++i) {
        if (!kept.at(i) && QFile::remove(entries.at(i).path)) {
            removed << entries.at(i).path;
        }
    }
    // What a backup cut off midway left (the program killed at logout): our own temporary
    // names only, and only when old enough that no backup can still be writing them.
    const QDir dir(mFolder);
    const QString partial = QStringLiteral(".") + mBaseName + QStringLiteral("-*.partial-*");
    const QDateTime stale = QDateTime::currentDateTimeUtc().addSecs(-kStalePartialSecs);
    for (const QFileInfo &file : dir.entryInfoList({partial}, QDir::Files | QDir::Hidden)) {
        QDateTime time;
        const QString name = file.fileName().mid(1).section(QStringLiteral(".partial-"), 0, 0);
        if (parseName(name, &time) && file.lastModified().toUTC() < stale &&
            QFile::remove(file.absoluteFilePath())) {
            removed << file.absoluteFilePath();
        }
    }
    return removed;
}

} // namespace fo
