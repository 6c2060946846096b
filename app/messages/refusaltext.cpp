#include "messages/refusaltext.h"

#include "library/database.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <cerrno>

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
    case RefusalKind::FileWriteFailed:
        return tr("cannot write %1: %2").arg(r.subject, writeReasonText(r));
    case RefusalKind::FileIsFolder:
        return tr("cannot write %1: it is a folder").arg(r.subject);
    case RefusalKind::FileFolderMissing:
        return tr("cannot write %1: the folder %2 does not exist").arg(r.subject, r.object);
    case RefusalKind::NotAFolder:
        return tr("%1 exists and is not a folder").arg(r.subject);
    case RefusalKind::FolderNotPacket:
        return tr("%1 is a folder that does not hold an earlier packet; choose a new or empty "
                  "folder")
            .arg(r.subject);
    case RefusalKind::FileReplaceFailed:
        return tr("cannot replace %1: %2").arg(r.subject, writeReasonText(r));
    case RefusalKind::FileMoveFailed:
        return tr("cannot move the new %1 into place: %2").arg(r.subject, writeReasonText(r));
    case RefusalKind::ExportCancelled:
        return tr("export cancelled");
    case RefusalKind::PacketEmpty:
        return tr("a packet needs at least one story");
    case RefusalKind::NoStoriesMatch:
        return tr("no stories match; name them with --story ID or choose --tag and --status");
    case RefusalKind::StoryNotFound:
        return tr("no story with id %1").arg(r.id);
    case RefusalKind::PdfModuleWrongVersion:
        return tr("PDF export is not available: %1 is not this version's PDF module (%2)")
            .arg(r.subject, r.number == 1 ? tr("another version") : r.detail);
    case RefusalKind::PdfModuleMissing:
        return tr("PDF export is not available: the PDF module was not found (looked for %1)")
            .arg(r.subject);
    case RefusalKind::PdfCreateFailed:
        return tr("cannot create the PDF: %1").arg(r.detail);
    case RefusalKind::PdfWriteFailed:
        return tr("cannot write %1: %2").arg(r.subject, r.detail);
    case RefusalKind::UnknownRole:
        return tr("unknown role '%1' (editor, reviewer, exporter, admin)").arg(r.subject);
    case RefusalKind::NoRoleGiven:
        return tr("no role given (editor, reviewer, exporter, admin)");
    // Spelling (issue 12 item 3: spellcheck).
    case RefusalKind::NoSpellingDictionary:
        return tr("no %1 spelling dictionary is available on this computer; spelling is not "
                  "checked")
            .arg(r.subject);
    case RefusalKind::SpellingDictionaryUnreadable:
        return tr("cannot read the spelling dictionary %1: %2").arg(r.subject, r.detail);
    case RefusalKind::NotAWord:
        return tr("'%1' is not one word: the dictionary takes single words").arg(r.subject);
    // At the desk (issue 12 items 1, 17).
    case RefusalKind::NoPersonChosen:
        return tr("say who you are first: every change is recorded with a person "
                  "(Review ▸ Switch Person…)");
    case RefusalKind::CreateNeedsRole:
        return tr("%1 cannot create stories: that needs the editor role").arg(r.subject);
    case RefusalKind::OrganisationNeedsAdmin:
        return tr("%1 cannot change the organisation's details: that needs the admin role")
            .arg(r.subject);
    case RefusalKind::JoinNameTaken:
        return tr("“%1” is already a person of this library or already asking to join")
            .arg(r.subject);
    case RefusalKind::JoinNeedsName:
        return tr("asking to join needs a name");
    default:
        return QString();
    }
}

} // namespace

QString writeReasonText(const Refusal &refusal)
{
    switch (int(refusal.number)) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return tr("the disk is full");
    case EFBIG:
        return tr("the file is too large: the file size limit was reached");
    case EROFS:
        return tr("the disk is read-only");
    case EACCES:
    case EPERM:
        return tr("permission denied");
    case ENOENT:
        return tr("the folder does not exist");
    case EIO:
        return tr("the disk reported an error");
    default:
        return refusal.detail;
    }
}

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
