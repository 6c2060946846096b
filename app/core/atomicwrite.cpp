#include "atomicwrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace fo {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/// Everything written under `folder` reaches the disk (one syncfs instead of an fsync per file).
bool syncFolder(const QString &folder)
{
#ifdef Q_OS_LINUX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::syncfs(fd) == 0;
    ::close(fd);
    return ok;
#else
    Q_UNUSED(folder)
    return true;
#endif
}

} // namespace

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(native(path), file.errorString());
        return false;
    }
    if (file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(native(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

FolderTransaction::FolderTransaction(const QString &destination)
    : mDestination(QFileInfo(destination).absoluteFilePath())
{
}

FolderTransaction::~FolderTransaction()
{
    if (!mCommitted && !mTemp.isEmpty()) {
        QDir(mTemp).removeRecursively();
    }
}

bool FolderTransaction::begin(QString *error)
{
    const QFileInfo dest(mDestination);
    if (dest.exists()) {
        if (!dest.isDir()) {
            *error = QStringLiteral("%1 exists and is not a folder").arg(native(mDestination));
            return false;
        }
        const QDir dir(mDestination);
        const bool empty = dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!empty && !dir.exists(QStringLiteral("manifest.json"))) {
            *error = QStringLiteral("%1 is a folder that does not hold an earlier packet; "
                                    "choose a new or empty folder")
                         .arg(native(mDestination));
            return false;
        }
    }
    const QString parent = dest.absolutePath();
    if (!QFileInfo(parent).isDir()) {
        *error = QStringLiteral("cannot write %1: the folder %2 does not exist")
                     .arg(native(mDestination), native(parent));
        return false;
    }
    // Beside the destination, so that the final rename stays on one file system. Made with
    // mkdir rather than QTemporaryDir, whose 0700 mode would end up on the published folder.
    for (int attempt = 0; attempt < 16 && mTemp.isEmpty(); ++attempt) {
        const QString candidate = QDir(parent).filePath(
            QStringLiteral(".%1.part-%2")
                .arg(dest.fileName())
                .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
        if (QDir().mkdir(candidate)) {
            mTemp = candidate;
        }
    }
    if (mTemp.isEmpty()) {
        *error = QStringLiteral("cannot write in %1").arg(native(parent));
        return false;
    }
    return true;
}

bool FolderTransaction::writeFile(const QString &name, const QByteArray &data, QString *error)
{
    QFile file(QDir(mTemp).filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2")
                     .arg(native(QDir(mDestination).filePath(name)), file.errorString());
        return false;
    }
    return true;
}

bool FolderTransaction::commit(QString *error)
{
    if (!syncFolder(mTemp)) {
        *error = QStringLiteral("cannot write %1: the disk did not take the files")
                     .arg(native(mDestination));
        return false;
    }
    QString old;
    if (QFileInfo::exists(mDestination)) {
        old = mTemp + QStringLiteral(".old");
        if (!QDir().rename(mDestination, old)) {
            *error = QStringLiteral("cannot replace %1").arg(native(mDestination));
            return false;
        }
    }
    if (!QDir().rename(mTemp, mDestination)) {
        if (!old.isEmpty()) {
            QDir().rename(old, mDestination);
        }
        *error = QStringLiteral("cannot move the new folder into %1").arg(native(mDestination));
        return false;
    }
    mCommitted = true;
    if (!old.isEmpty()) {
        QDir(old).removeRecursively();
    }
    return true;
}

} // namespace fo
