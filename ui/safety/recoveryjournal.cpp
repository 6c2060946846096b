#include "safety/recoveryjournal.h"

#include "history/revisionrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace fo {

namespace {

constexpr int kFormat = 1;

QString absolutePath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

} // namespace

RecoveryJournal::RecoveryJournal(const QString &libraryPath)
    : mLibraryPath(absolutePath(libraryPath))
{
}

QString RecoveryJournal::folder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

QString RecoveryJournal::filePath() const
{
    // Named after the library's path: one entry per library, whatever the file is called.
    const QByteArray hash =
        QCryptographicHash::hash(mLibraryPath.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QDir(folder()).filePath(QString::fromLatin1(hash.left(24)) + QStringLiteral(".json"));
}

bool RecoveryJournal::write(const JournalEntry &entry, QString *error) const
{
    if (!QDir().mkpath(folder())) {
        if (error) {
            *error = QStringLiteral("cannot make the folder %1").arg(folder());
        }
        return false;
    }
    const QJsonObject o{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("library"), mLibraryPath},
        {QStringLiteral("person"), entry.personId},
        {QStringLiteral("writtenAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("base"), storySnapshot(entry.base)},
        {QStringLiteral("pending"), storySnapshot(entry.pending)},
    };
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}

std::optional<JournalEntry> RecoveryJournal::read(QString *error) const
{
    QFile file(filePath());
    if (!file.exists()) {
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = file.errorString();
        }
        return std::nullopt;
    }
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (o.value(QStringLiteral("format")).toInt() != kFormat ||
        o.value(QStringLiteral("library")).toString() != mLibraryPath) {
        if (error) {
            *error = QStringLiteral("the recovery file %1 is not for this library").arg(filePath());
        }
        return std::nullopt;
    }
    JournalEntry entry;
    entry.libraryPath = mLibraryPath;
    entry.personId = o.value(QStringLiteral("person")).toVariant().toLongLong();
    entry.writtenAt =
        QDateTime::fromString(o.value(QStringLiteral("writtenAt")).toString(), Qt::ISODateWithMs);
    entry.base = storyFromSnapshot(o.value(QStringLiteral("base")).toObject());
    entry.pending = storyFromSnapshot(o.value(QStringLiteral("pending")).toObject());
    if (entry.pending.id <= 0 || entry.pending.id != entry.base.id) {
        if (error) {
            *error = QStringLiteral("the recovery file %1 is damaged").arg(filePath());
        }
        return std::nullopt;
    }
    return entry;
}

bool RecoveryJournal::exists() const
{
    return QFileInfo::exists(filePath());
}

bool RecoveryJournal::remove() const
{
    return !exists() || QFile::remove(filePath());
}

} // namespace fo
