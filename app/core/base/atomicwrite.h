#pragma once

#include "base/refusal.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVector>

#include <memory>

namespace fo {

/// Writes `data` to `path` in full or not at all: a crash or a full disk leaves the old file or
/// nothing. Refused with FileWriteFailed ("cannot write /x/y.pdf: the disk is full") and the
/// other file refusals below.
Status writeFileAtomically(const QString &path, const QByteArray &data);

/// A file refusal of `kind` about `path` (shown with native separators) that failed with
/// `errnum`: the errno in `number`, strerror's words in `detail`.
Refusal fileRefusal(RefusalKind kind, const QString &path, int errnum = 0);
/// `why` about the part file `part` as about `destination`, the name the user gave.
Refusal namingDestination(Refusal why, const QString &part, const QString &destination);

/// The temporary name of a file or folder being written beside `destination`:
/// ".NAME.part-XXXXXXXX" (eight hex digits). A run that was killed leaves such names behind;
/// removeStaleParts() removes them at the next run.
QString partName(const QString &destination);
/// Removes what earlier, killed runs left beside `destination`: entries named
/// ".NAME.part-XXXXXXXX" (and the ".old" copies made while replacing) that were last changed
/// before `runStart`. Nothing else is touched.
void removeStaleParts(const QString &destination, const QDateTime &runStart);

/// A file written under its part name beside its destination. Every write is checked, and
/// close() flushes it and syncs it to disk, so that a full disk is an error here rather than a
/// 0-byte file later (QSaveFile ignores a failed flush and fsync in its commit()).
class StagedFile
{
public:
    explicit StagedFile(const QString &destination);
    ~StagedFile(); // removes the part file unless it was handed over (release())
    StagedFile(const StagedFile &) = delete;
    StagedFile &operator=(const StagedFile &) = delete;

    Status open();
    Status write(const char *data, qint64 size);
    Status write(const QByteArray &data) { return write(data.constData(), data.size()); }
    /// Flushes, syncs and closes; the file is complete under its part name.
    Status close();
    /// close() and rename into place in one go (a set of one).
    Status commit();

    QString destination() const { return mDestination; }
    QString partPath() const { return mPart; }
    /// The part file is someone else's now (a FileSet): the destructor leaves it.
    void release() { mReleased = true; }

private:
    Status flushBuffer();

    QString mDestination;
    QString mPart;
    QByteArray mBuffer;
    int mFd = -1;
    bool mReleased = false;
};

/// A folder written in full under its part name beside its destination, then renamed into
/// place, so that a reader never sees half of it.
///
/// An existing destination is replaced only when it is empty or holds a manifest.json (an earlier
/// packet): a folder the user named by mistake is refused, never deleted.
class FolderTransaction
{
public:
    explicit FolderTransaction(const QString &destination);
    ~FolderTransaction(); // removes the temporary folder unless committed or released
    FolderTransaction(const FolderTransaction &) = delete;
    FolderTransaction &operator=(const FolderTransaction &) = delete;

    /// Creates the temporary folder; refused when the destination may not be replaced
    /// (NotAFolder, FolderNotPacket) or its parent folder cannot be written.
    Status begin();
    /// Where to write: the temporary folder.
    QString path() const { return mTemp; }
    QString destination() const { return mDestination; }
    /// Writes a file into the temporary folder; every write checked.
    Status writeFile(const QString &name, const QByteArray &data);
    /// Flushes the folder to disk (the folder is then complete under its part name).
    Status sync();
    /// sync() and move into place; the old folder, if any, is removed afterwards.
    Status commit();
    void release() { mReleased = true; }

private:
    QString mDestination;
    QString mTemp;
    bool mReleased = false;
};

/// Files and folders that go into place together or not at all: each is written in full
/// under its part name first (StagedFile, FolderTransaction), then publish() renames them all.
/// A replaced file or folder is kept aside until finish(), so that undo() can put everything
/// back as it was when a later step (recording the export) fails.
///
/// The renames are not one atomic step: a crash between two of them leaves some new and some
/// old files (and part files that the next run removes). The window is a few rename() calls.
class FileSet
{
public:
    FileSet() = default;
    ~FileSet(); // before publish(): removes every part; after publish() without undo(): finish()
    FileSet(const FileSet &) = delete;
    FileSet &operator=(const FileSet &) = delete;

    /// A complete part file or folder and where it goes.
    void add(const QString &partPath, const QString &destination, bool folder);
    /// Renames every part into place; on failure puts back what it had renamed and returns false.
    Status publish();
    /// After publish(): the earlier files and folders back, the new ones gone.
    void undo();
    /// After publish(): removes the kept earlier versions.
    void finish();
    /// Before publish(): removes every part; the set is empty again.
    void discard();

private:
    struct Entry
    {
        QString part;
        QString destination;
        QString kept; // the earlier version, moved aside while publishing
        bool folder = false;
        bool published = false;
    };
    QVector<Entry> mEntries;
    bool mPublished = false;
};

} // namespace fo
