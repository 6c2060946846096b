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

Refusal cannotWrite(const QString &path, int errnum)
{
    return fileRefusal(RefusalKind::FileWriteFailed, path, errnum);
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

Refusal namingDestination(Refusal why, const QString &part, const QString &destination)
{
    for (QString *name : {&why.subject, &why.object}) {
        name->replace(native(part), native(destination));
    }
    return why;
}

Refusal fileRefusal(RefusalKind kind, const QString &path, int errnum)
{
    Refusal r(kind, native(path),
              errnum ? QString::fromLocal8Bit(std::strerror(errnum)) : QString());
    r.number = errnum;
    return r;
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

Status writeFileAtomically(const QString &path, const QByteArray &data)
{
    StagedFile file(path);
    Status done = file.open();
    if (done) {
        done = file.write(data);
    }
    return done ? file.commit() : done;
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

Status StagedFile::open()
{
    const QFileInfo dest(mDestination);
    if (dest.isDir()) {
        return fileRefusal(RefusalKind::FileIsFolder, mDestination);
    }
    if (!dest.absoluteDir().exists()) {
        Refusal r = fileRefusal(RefusalKind::FileFolderMissing, mDestination);
        r.object = native(dest.absolutePath());
        return r;
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
            return cannotWrite(mDestination, errno);
        }
    }
    if (mFd < 0) {
        return cannotWrite(mDestination, EEXIST);
    }
    return Status();
}

Status StagedFile::write(const char *data, qint64 size)
{
    if (mFd < 0) {
        return cannotWrite(mDestination, EBADF);
    }
    mBuffer.append(data, size);
    return mBuffer.size() < kBufferSize ? Status() : flushBuffer();
}

Status StagedFile::flushBuffer()
{
    const char *p = mBuffer.constData();
    qint64 left = mBuffer.size();
    while (left > 0) {
        const ssize_t n = ::write(mFd, p, size_t(left));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int err = n < 0 ? errno : ENOSPC;
            mBuffer.clear();
            return cannotWrite(mDestination, err);
        }
        p += n;
        left -= n;
    }
    mBuffer.clear();
    return Status();
}

Status StagedFile::close()
{
    if (mFd < 0) {
        return cannotWrite(mDestination, EBADF);
    }
    if (const Status flushed = flushBuffer(); !flushed) {
        return flushed;
    }
    // A delayed allocation on a full disk shows up only here.
    if (::fsync(mFd) != 0) {
        return cannotWrite(mDestination, errno);
    }
    const int rc = ::close(mFd);
    mFd = -1;
    if (rc != 0) {
        return cannotWrite(mDestination, errno);
    }
    return Status();
}

Status StagedFile::commit()
{
    if (const Status closed = close(); !closed) {
        return closed;
    }
    FileSet set;
    set.add(mPart, mDestination, false);
    release();
    if (const Status published = set.publish(); !published) {
        return published;
    }
    set.finish();
    return Status();
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

Status FolderTransaction::begin()
{
    const QFileInfo dest(mDestination);
    if (dest.exists()) {
        if (!dest.isDir()) {
            return fileRefusal(RefusalKind::NotAFolder, mDestination);
        }
        const QDir dir(mDestination);
        const bool empty = dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!empty && !dir.exists(QStringLiteral("manifest.json"))) {
            return fileRefusal(RefusalKind::FolderNotPacket, mDestination);
        }
    }
    const QString parent = dest.absolutePath();
    if (!QFileInfo(parent).isDir()) {
        Refusal r = fileRefusal(RefusalKind::FileFolderMissing, mDestination);
        r.object = native(parent);
        return r;
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
        return cannotWrite(mDestination, err);
    }
    return Status();
}

Status FolderTransaction::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = QDir(mTemp).filePath(name);
    const int fd =
        ::open(encoded(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        return cannotWrite(QDir(mDestination).filePath(name), errno);
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
        return cannotWrite(QDir(mDestination).filePath(name), err);
    }
    return Status();
}

Status FolderTransaction::sync()
{
    if (const int err = syncPath(mTemp, true); err != 0) {
        return cannotWrite(mDestination, err);
    }
    return Status();
}

Status FolderTransaction::commit()
{
    if (const Status synced = sync(); !synced) {
        return synced;
    }
    FileSet set;
    set.add(mTemp, mDestination, true);
    release();
    if (const Status published = set.publish(); !published) {
        return published;
    }
    set.finish();
    return Status();
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

Status FileSet::publish()
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
                undo();
                return fileRefusal(RefusalKind::FileReplaceFailed, e.destination, err);
            }
        }
        if (!renamePath(e.part, e.destination)) {
            const int err = errno;
            if (!e.kept.isEmpty() && !QFileInfo::exists(e.destination)) {
                renamePath(e.kept, e.destination);
            }
            e.kept.clear();
            undo();
            return fileRefusal(RefusalKind::FileMoveFailed, e.destination, err);
        }
        e.published = true;
    }
    for (const Entry &e : qAsConst(mEntries)) {
        syncParent(e.destination);
    }
    mPublished = true;
    return Status();
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
