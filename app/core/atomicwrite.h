#pragma once

#include <QByteArray>
#include <QString>

namespace fo {

/// Writes `data` to `path` through QSaveFile: a crash or a full disk leaves the old file or
/// nothing. Returns false and sets `error` ("cannot write /x/y.pdf: No such file or directory").
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

/// A folder written in full under a temporary name beside its destination, then renamed into
/// place, so that a reader never sees half of it.
///
/// An existing destination is replaced only when it is empty or holds a manifest.json (an earlier
/// packet): a folder the user named by mistake is refused, never deleted.
class FolderTransaction
{
public:
    explicit FolderTransaction(const QString &destination);
    ~FolderTransaction(); // removes the temporary folder unless committed
    FolderTransaction(const FolderTransaction &) = delete;
    FolderTransaction &operator=(const FolderTransaction &) = delete;

    /// Creates the temporary folder. Returns false and sets `error` when the destination may not
    /// be replaced or its parent folder cannot be written.
    bool begin(QString *error);
    /// Where to write: the temporary folder.
    QString path() const { return mTemp; }
    /// Writes a file into the temporary folder. Plain writes suffice here: nobody sees the
    /// folder before commit(), which flushes it to disk once rather than once per file.
    bool writeFile(const QString &name, const QByteArray &data, QString *error);
    /// Flushes the folder to disk and moves it into place; the old folder, if any, is removed
    /// afterwards.
    bool commit(QString *error);

private:
    QString mDestination;
    QString mTemp;
    bool mCommitted = false;
};

} // namespace fo
