#include "refusaltext.h"

#include "library/database.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace fo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Refusal", text);
}

/// The storage refusal carried inside `outer` (its kind in `number`, SQLite's text in `detail`).
QString innerStorageReason(const Refusal &outer)
{
    return storageReasonText(Refusal(RefusalKind(outer.number), QString(), outer.detail));
}

/// What refusalText() says for the refusals of base … pdf (see refusal.h), or a null string
/// for a kind that is not one of them.
QString coreText(const Refusal &r)
{
    switch (r.kind) {
    case RefusalKind::QueryFailed:
        return queryReasonText(r);
    case RefusalKind::NoLibraryGiven:
        return tr("no library file given");
    case RefusalKind::LibraryIsFolder:
        return tr("%1 is a folder, not a Field Office library").arg(r.subject);
    case RefusalKind::LibraryExists:
        return tr("%1 already exists; choose a new file name").arg(r.subject);
    case RefusalKind::NoLibraryFolderMissing:
        return tr("no library at %1: folder %2 does not exist").arg(r.subject, r.object);
    case RefusalKind::CreateFolderMissing:
        return tr("cannot create %1: folder %2 does not exist").arg(r.subject, r.object);
    case RefusalKind::NoLibrary:
        return tr("no library at %1").arg(r.subject);
    case RefusalKind::CreateFolderNotWritable:
        return tr("cannot create %1: folder %2 is not writable").arg(r.subject, r.object);
    case RefusalKind::ReadOnlyWalPending:
        return tr("%1 cannot be opened read-only: its latest changes are still in %2 and %3; "
                  "open it once where it can be written")
            .arg(r.subject, r.object,
                 r.number ? tr("its folder is read-only") : tr("the file is read-only"));
    case RefusalKind::LibraryEmptyFile:
        return tr("%1 is an empty file, not a Field Office library").arg(r.subject);
    case RefusalKind::OtherSqliteDatabase:
        return tr("%1 is not a Field Office library (another SQLite database)").arg(r.subject);
    case RefusalKind::LibraryTooNew:
        return tr("%1 was made by a newer Field Office (library version %2; this program reads "
                  "up to %3); it was left unchanged")
            .arg(r.subject)
            .arg(r.number)
            .arg(Database::kSchemaVersion);
    case RefusalKind::ReadOnlyTooOld:
        return tr("%1 is read-only and was made by an older Field Office; make it writable "
                  "once so that it can be upgraded")
            .arg(r.subject);
    case RefusalKind::NotSqliteFile:
        return tr("%1 is not a Field Office library (not an SQLite database)").arg(r.subject);
    case RefusalKind::LibraryFileDamaged:
        return tr("%1 is damaged (%2)").arg(r.subject, r.detail);
    case RefusalKind::CannotOpenLibrary:
        return tr("cannot open %1: %2").arg(r.subject, innerStorageReason(r));
    case RefusalKind::CannotCreateLibrary:
        return tr("cannot create %1: %2").arg(r.subject, innerStorageReason(r));
    case RefusalKind::CannotUpgradeLibrary:
        return tr("cannot upgrade %1: %2").arg(r.subject, innerStorageReason(r));
    case RefusalKind::OfficeNeedsName:
        return tr("an office needs a name");
    case RefusalKind::CannotCreateOffice:
        return tr("cannot create office %1: %2").arg(r.subject, queryReasonText(r));
    case RefusalKind::TagNeedsName:
        return tr("a tag needs a name");
    case RefusalKind::CannotCreateTag:
        return tr("cannot create tag %1: %2").arg(r.subject, queryReasonText(r));
    case RefusalKind::AuditRecordFailed:
        return tr("cannot record in the audit trail: %1").arg(queryReasonText(r));
    default:
        return QString();
    }
}

} // namespace

QString queryReasonText(const Refusal &refusal)
{
    switch (int(refusal.number)) {
    case SQLITE_BUSY:
        return tr("the library is busy: another program is writing to it (%1)").arg(refusal.detail);
    case SQLITE_CORRUPT:
        return tr("the library is damaged (%1)").arg(refusal.detail);
    case SQLITE_FULL:
        return tr("the disk is full (%1)").arg(refusal.detail);
    default:
        return refusal.detail;
    }
}

QString storageReasonText(const Refusal &refusal)
{
    switch (refusal.kind) {
    case RefusalKind::LibraryBusy:
        return tr("the library is busy: another program is writing to it");
    case RefusalKind::LibraryReadOnly:
        return tr("the library is read-only");
    case RefusalKind::DiskFull:
        return tr("the disk is full");
    case RefusalKind::FileSizeLimit:
        return tr("the file size limit was reached");
    case RefusalKind::LibraryDamaged:
        return tr("it is damaged (%1)").arg(refusal.detail);
    case RefusalKind::NotALibrary:
        return tr("it is not an SQLite database");
    case RefusalKind::StorageFailed:
        return refusal.detail;
    default:
        return refusalText(refusal);
    }
}

QString refusalText(const Refusal &refusal)
{
    switch (refusal.kind) {
    case RefusalKind::LibraryBusy:
    case RefusalKind::LibraryReadOnly:
    case RefusalKind::DiskFull:
    case RefusalKind::FileSizeLimit:
    case RefusalKind::LibraryDamaged:
    case RefusalKind::NotALibrary:
    case RefusalKind::StorageFailed:
        return tr("cannot save: %1").arg(storageReasonText(refusal));
    default:
        break;
    }
    const QString core = coreText(refusal);
    return core.isNull() ? refusal.detail : core;
}

} // namespace fo
