#include "base/atomicwrite.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fo {

namespace {

constexpr qint64 kBufferSize = 256 * 1024;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

QString cannotWrite(const QString &path, int errnum)
{
    return QStringLiteral("cannot write %1: %2").arg(native(path), writeErrorReason(errnum));
}

/// fsync, or (for a folder) syncfs: everything written under it reaches the disk.
int syncPath(const QString &path, bool folder)
{
    const int fd = ::open(encoded(path).constData(), O_RDONLY | (folder ? O_DIRECTORY : 0));
    if (fd < 0) {
        return errno;
    }
#ifdef Q_OS_LINUX
    const int rc = folder ? ::syncfs(fd) : ::fsync(fd);
#else
    const int rc = ::fsync(fd);
#endif
    const int err = rc == 0 ? 0 : errno;
    ::close(fd);
    return err;
}

/// The folder entry itself (the renames) reaches the disk; failure here is not fatal, the data
/// already has.
void syncParent(const QString &path)
{
    const int fd =
        ::open(encoded(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool renamePath(const QString &from, const QString &to)
{
    return ::rename(encoded(from).constData(), encoded(to).constData()) == 0;
}

void removePath(const QString &path, bool folder)
{
    if (folder) {
        QDir(path).removeRecursively();
    } else {
        ::unlink(encoded(path).constData());
    }
}

} // namespace

QString writeErrorReason(int errnum)
{
    switch (errnum) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return QStringLiteral("the disk is full");
    case EFBIG:
        return QStringLiteral("the file is too large: the file size limit was reached");
    case EROFS:
        return QStringLiteral("the disk is read-only");
    case EACCES:
    case EPERM:
        return QStringLiteral("permission denied");
    case ENOENT:
        return QStringLiteral("the folder does not exist");
    case EIO:
        return QStringLiteral("the disk reported an error");
    default:
        return QString::fromLocal8Bit(std::strerror(errnum));
    }
}

QString partName(const QString &destination)
{
    const QFileInfo info(destination);
    return info.absoluteDir().filePath(
        QStringLiteral(".%1.part-%2")
            .arg(info.fileName())
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
}

void removeStaleParts(const QString &destination, const QDateTime &runStart)
{
    const QFileInfo info(destination);
    // One or two dots: the PDF module stages its file beside the packet's own part file.
    const QRegularExpression ours(QStringLiteral("^\\.{1,2}%1\\.part-[0-9a-f]{8}(\\..*)?$")
                                      .arg(QRegularExpression::escape(info.fileName())));
    QDirIterator it(info.absolutePath(),
                    QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        it.next();
        const QFileInfo entry = it.fileInfo();
        if (!ours.match(entry.fileName()).hasMatch() || entry.isSymLink() ||
            entry.lastModified() >= runStart) {
            continue;
        }
        removePath(entry.absoluteFilePath(), entry.isDir());
    }
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    StagedFile file(path);
    return file.open(error) && file.write(data, error) && file.commit(error);
}

// StagedFile

StagedFile::StagedFile(const QString &destination)
    : mDestination(QFileInfo(destination).absoluteFilePath())
{
}

StagedFile::~StagedFile()
{
    if (mFd >= 0) {
        ::close(mFd);
    }
    if (!mReleased && !mPart.isEmpty()) {
        ::unlink(encoded(mPart).constData());
    }
}

bool StagedFile::open(QString *error)
{
    const QFileInfo dest(mDestination);
    if (dest.isDir()) {
        *error = QStringLiteral("cannot write %1: it is a folder").arg(native(mDestination));
        return false;
    }
    if (!dest.absoluteDir().exists()) {
        *error = QStringLiteral("cannot write %1: the folder %2 does not exist")
                     .arg(native(mDestination), native(dest.absolutePath()));
        return false;
    }
    removeStaleParts(mDestination, QDateTime::currentDateTimeUtc());
    // The new file gets the mode a plain new file would get (umask), and an existing file's.
    struct stat st;
    const bool replacing = ::stat(encoded(mDestination).constData(), &st) == 0;
    const mode_t mode = replacing ? mode_t(st.st_mode & 0777) : 0666;
    for (int attempt = 0; attempt < 16 && mFd < 0; ++attempt) {
        const QString candidate = partName(mDestination);
        mFd = ::open(encoded(candidate).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (mFd >= 0) {
            mPart = candidate;
            if (replacing) {
                ::fchmod(mFd, mode);
            }
        } else if (errno != EEXIST) {
            *error = cannotWrite(mDestination, errno);
            return false;
        }
    }
    if (mFd < 0) {
        *error = cannotWrite(mDestination, EEXIST);
        return false;
    }
    return true;
}

bool StagedFile::write(const char *data, qint64 size, QString *error)
{
    if (mFd < 0) {
        *error = cannotWrite(mDestination, EBADF);
        return false;
    }
    mBuffer.append(data, size);
    return mBuffer.size() < kBufferSize || flushBuffer(error);
}

bool StagedFile::flushBuffer(QString *error)
{
    const char *p = mBuffer.constData();
    qint64 left = mBuffer.size();
    while (left > 0) {
        const ssize_t n = ::write(mFd, p, size_t(left));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            *error = cannotWrite(mDestination, n < 0 ? errno : ENOSPC);
            mBuffer.clear();
            return false;
        }
        p += n;
        left -= n;
    }
    mBuffer.clear();
    return true;
}

bool StagedFile::close(QString *error)
{
    if (mFd < 0) {
        *error = cannotWrite(mDestination, EBADF);
        return false;
    }
    if (!flushBuffer(error)) {
        return false;
    }
    // A delayed allocation on a full disk shows up only here.
    if (::fsync(mFd) != 0) {
        *error = cannotWrite(mDestination, errno);
        return false;
    }
    const int rc = ::close(mFd);
    mFd = -1;
    if (rc != 0) {
        *error = cannotWrite(mDestination, errno);
        return false;
    }
    return true;
}

bool StagedFile::commit(QString *error)
{
    if (!close(error)) {
        return false;
    }
    FileSet set;
    set.add(mPart, mDestination, false);
    release();
    if (!set.publish(error)) {
        return false;
    }
    set.finish();
    return true;
}

// FolderTransaction

FolderTransaction::FolderTransaction(const QString &destination)
    : mDestination(QFileInfo(destination).absoluteFilePath())
{
}

FolderTransaction::~FolderTransaction()
{
    if (!mReleased && !mTemp.isEmpty()) {
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
    removeStaleParts(mDestination, QDateTime::currentDateTimeUtc());
    // Beside the destination, so that the final rename stays on one file system. Made with
    // mkdir rather than QTemporaryDir, whose 0700 mode would end up on the published folder.
    int err = 0;
    for (int attempt = 0; attempt < 16 && mTemp.isEmpty(); ++attempt) {
        const QString candidate = partName(mDestination);
        if (::mkdir(encoded(candidate).constData(), 0777) == 0) {
            mTemp = candidate;
        } else if ((err = errno) != EEXIST) {
            break;
        }
    }
    if (mTemp.isEmpty()) {
        *error = cannotWrite(mDestination, err);
        return false;
    }
    return true;
}

bool FolderTransaction::writeFile(const QString &name, const QByteArray &data, QString *error)
{
    const QString path = QDir(mTemp).filePath(name);
    const int fd =
        ::open(encoded(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        *error = cannotWrite(QDir(mDestination).filePath(name), errno);
        return false;
    }
    const char *p = data.constData();
    qint64 left = data.size();
    int err = 0;
    while (left > 0 && err == 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n > 0) {
            p += n;
            left -= n;
        } else if (n < 0 && errno != EINTR) {
            err = errno;
        } else if (n == 0) {
            err = ENOSPC;
        }
    }
    if (::close(fd) != 0 && err == 0) {
        err = errno;
    }
    if (err != 0) {
        *error = cannotWrite(QDir(mDestination).filePath(name), err);
        return false;
    }
    return true;
}

bool FolderTransaction::sync(QString *error)
{
    if (const int err = syncPath(mTemp, true); err != 0) {
        *error = cannotWrite(mDestination, err);
        return false;
    }
    return true;
}

bool FolderTransaction::commit(QString *error)
{
    if (!sync(error)) {
        return false;
    }
    FileSet set;
    set.add(mTemp, mDestination, true);
    release();
    if (!set.publish(error)) {
        return false;
    }
    set.finish();
    return true;
}

// FileSet

FileSet::~FileSet()
{
    if (mPublished) {
        finish();
    } else {
        discard();
    }
}

void FileSet::discard()
{
    for (const Entry &e : qAsConst(mEntries)) {
        removePath(e.part, e.folder);
    }
    mEntries.clear();
}

void FileSet::add(const QString &partPath, const QString &destination, bool folder)
{
    Entry e;
    e.part = partPath;
    e.destination = QFileInfo(destination).absoluteFilePath();
    e.folder = folder;
    mEntries.append(e);
}

bool FileSet::publish(QString *error)
{
    for (Entry &e : mEntries) {
        const QFileInfo dest(e.destination);
        if (dest.exists() || dest.isSymLink()) {
            e.kept = e.part + QStringLiteral(".old");
            // A file is kept by a second name and replaced in one rename, so that a reader
            // always finds one version; a folder cannot be, and is moved aside first.
            const bool kept = (!e.folder && ::link(encoded(e.destination).constData(),
                                                   encoded(e.kept).constData()) == 0) ||
                              renamePath(e.destination, e.kept);
            if (!kept) {
                const int err = errno;
                e.kept.clear();
                *error = QStringLiteral("cannot replace %1: %2")
                             .arg(native(e.destination), writeErrorReason(err));
                undo();
                return false;
            }
        }
        if (!renamePath(e.part, e.destination)) {
            const int err = errno;
            if (!e.kept.isEmpty() && !QFileInfo::exists(e.destination)) {
                renamePath(e.kept, e.destination);
            }
            e.kept.clear();
            *error = QStringLiteral("cannot move the new %1 into place: %2")
                         .arg(native(e.destination), writeErrorReason(err));
            undo();
            return false;
        }
        e.published = true;
    }
    for (const Entry &e : qAsConst(mEntries)) {
        syncParent(e.destination);
    }
    mPublished = true;
    return true;
}

void FileSet::undo()
{
    for (int i = int(mEntries.size()) - 1; i >= 0; --i) {
        Entry &e = mEntries[i];
        if (e.published) {
            if (e.kept.isEmpty()) {
                removePath(e.destination, e.folder);
            } else if (e.folder) {
                const QString discard = partName(e.destination);
                renamePath(e.destination, discard);
                renamePath(e.kept, e.destination);
                removePath(discard, true);
            } else {
                renamePath(e.kept, e.destination); // one rename: the old file is back whole
            }
            e.published = false;
        } else {
            removePath(e.part, e.folder);
            if (!e.kept.isEmpty()) {
                renamePath(e.kept, e.destination);
            }
        }
        e.kept.clear();
    }
    mPublished = false;
    mEntries.clear();
}

void FileSet::finish()
{
    for (const Entry &e : qAsConst(mEntries)) {
        if (!e.kept.isEmpty()) {
            removePath(e.kept, e.folder);
        }
    }
    mEntries.clear();
    mPublished = false;
}

} // namespace fo
