#include "messages/refusaltext.h"

#include "domain/storylimits.h"
#include "library/database.h"

#include <QCoreApplication>
#include <QLocale>

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

/// "5,000": numbers as the limits' messages write them.
QString count(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString fieldName(qint64 field)
{
    switch (StoryLimitField(field)) {
    case StoryLimitField::Headline:
        return tr("headline");
    case StoryLimitField::Summary:
        return tr("summary");
    case StoryLimitField::Byline:
        return tr("byline");
    case StoryLimitField::OfficeName:
        return tr("office name");
    case StoryLimitField::DatelineCity:
        return tr("dateline city");
    default:
        return tr("dateline country");
    }
}

/// The limits of a story (domain/storylimits.h): a save refused past one.
QString limitText(const Refusal &r)
{
    switch (r.kind) {
    case RefusalKind::StoryBodyTooLarge:
        return tr("cannot save: the story is %1 of text; a story may hold at most %2 (split it "
                  "into several stories)")
            .arg(formatByteSize(r.number), formatByteSize(limits::kMaxBodyBytes));
    case RefusalKind::StoryTooManyTags:
        return tr("cannot save: the story has %1 tags; a story may have at most %2")
            .arg(count(r.number), count(limits::kMaxTagsPerStory));
    case RefusalKind::StoryTagTooLong:
        return tr("cannot save: the tag '%1' is %2 characters long; a tag may have at most %3")
            .arg(r.subject, count(r.number), count(limits::kMaxTagLength));
    case RefusalKind::StoryFieldTooLong:
        return tr("cannot save: the %1 is %2 characters long; it may have at most %3")
            .arg(fieldName(r.id), count(r.number), count(storyFieldLimit(StoryLimitField(r.id))));
    default:
        return QString();
    }
}

/// Why a story's approval does not let it out, after "story N" (ApprovalState::why).
QString approvalText(const Refusal &r, const QString &story)
{
    switch (r.kind) {
    case RefusalKind::StoryNotApproved:
        return tr("%1 is %2, not approved").arg(story, r.subject);
    case RefusalKind::ApprovalMissing:
        return tr("%1 is marked %2 but has no approval on record").arg(story, r.subject);
    case RefusalKind::ApprovalNotCounted:
        return tr("%1 is marked %2 but its approval does not count: %3")
            .arg(story, r.subject, r.detail);
    case RefusalKind::ChangedAfterApproval:
        return tr("%1 changed after its approval of revision %2")
            .arg(story, QString::number(r.number));
    default:
        return QString();
    }
}

/// What refusalText() says for the refusals of storylimits … demo (see refusal.h), or a null
/// string for a kind that is not one of them.
QString laterText(const Refusal &r)
{
    if (const QString limit = limitText(r); !limit.isNull()) {
        return limit;
    }
    if (const QString approval = approvalText(r, tr("story %1").arg(r.id)); !approval.isNull()) {
        return approval;
    }
    switch (r.kind) {
    case RefusalKind::PersonNeedsName:
        return tr("a person needs a name");
    case RefusalKind::PersonNameTooLong:
        return tr("a name is one line of at most 200 characters");
    case RefusalKind::PersonNeedsRole:
        return tr("%1 needs at least one role").arg(r.subject);
    case RefusalKind::PersonNameTaken:
        return tr("there is already a person named '%1'").arg(r.subject);
    case RefusalKind::CannotAddPerson:
        return tr("cannot add %1: %2").arg(r.subject, queryReasonText(r));
    case RefusalKind::CannotChangePerson:
        return tr("cannot change %1: %2").arg(r.subject, queryReasonText(r));
    case RefusalKind::CannotSaveRoles:
        return tr("cannot save roles: %1").arg(queryReasonText(r));
    case RefusalKind::PersonNotFound:
        return tr("no person with id %1").arg(r.id);
    case RefusalKind::NoPersonNamed:
        return tr("no person named '%1'").arg(r.subject);
    case RefusalKind::LastAdmin:
        return tr("%1 is the last admin; give someone else the admin role first").arg(r.subject);
    case RefusalKind::WorkflowRefused:
        return r.detail;
    case RefusalKind::CommentNeedsPerson:
        return tr("a comment needs a person: say who you are first");
    case RefusalKind::CommentEmpty:
        return tr("the comment is empty");
    case RefusalKind::CommentOtherStory:
        return tr("comment %1 belongs to another story").arg(r.id);
    case RefusalKind::CannotSaveComment:
        return tr("cannot save the comment: %1").arg(queryReasonText(r));
    case RefusalKind::CannotChangeComment:
        return tr("cannot change the comment: %1").arg(queryReasonText(r));
    case RefusalKind::CommentNotFound:
        return tr("no comment with id %1").arg(r.id);
    case RefusalKind::CannotMoveAnchor:
        return tr("cannot move a comment anchor: %1").arg(queryReasonText(r));
    case RefusalKind::CannotSaveRevision:
        return tr("cannot save the revision: %1").arg(queryReasonText(r));
    case RefusalKind::RevisionNotFound:
        return tr("story %1 has no revision %2").arg(r.id).arg(r.number);
    case RefusalKind::RevisionIdNotFound:
        return tr("no revision with id %1").arg(r.id);
    case RefusalKind::CannotSaveApproval:
        return tr("cannot save the approval: %1").arg(queryReasonText(r));
    case RefusalKind::CannotReadApproval:
        return tr("cannot read the approval back: %1").arg(queryReasonText(r));
    case RefusalKind::CannotSaveNewStory:
        return tr("cannot save story: %1").arg(queryReasonText(r));
    case RefusalKind::CannotSaveStory:
        return tr("cannot save story %1: %2").arg(r.id).arg(queryReasonText(r));
    case RefusalKind::CannotChangeStory:
        return tr("cannot change story %1: %2").arg(r.id).arg(queryReasonText(r));
    case RefusalKind::StateRevisionMissing:
        return tr("the state revision is missing");
    case RefusalKind::RestoredRevisionMissing:
        return tr("the restored revision is missing");
    case RefusalKind::NothingToRestore:
        return tr("nothing to restore: revision %1 has the current content").arg(r.number);
    case RefusalKind::CannotReadTrash:
        return tr("cannot read the Trash: %1").arg(queryReasonText(r));
    case RefusalKind::CannotEmptyTrash:
        return tr("cannot empty the Trash: %1").arg(queryReasonText(r));
    case RefusalKind::ReleaseNotApproved:
    case RefusalKind::ReleaseApprovalMissing:
    case RefusalKind::ReleaseApprovalNotCounted:
    case RefusalKind::ReleaseChangedAfterApproval: {
        Refusal approval = r;
        approval.kind = RefusalKind(int(RefusalKind::StoryNotApproved) + int(r.kind) -
                                    int(RefusalKind::ReleaseNotApproved));
        return tr("cannot release: %1").arg(refusalText(approval));
    }
    case RefusalKind::FingerprintFailed:
    case RefusalKind::DemoStoryUnreadable:
        return r.detail;
    case RefusalKind::DemoStoriesMissing:
        return tr("the demo stories are missing from this build");
    default:
        return QString();
    }
}

} // namespace

QString approvalRefusalText(const Refusal &refusal, const QString &headline)
{
    const QString story = tr("story %1 \u201c%2\u201d").arg(refusal.id).arg(headline);
    const QString words = approvalText(refusal, story);
    return words.isNull() ? refusalText(refusal) : words;
}

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
    if (const QString core = coreText(refusal); !core.isNull()) {
        return core;
    }
    const QString later = laterText(refusal);
    return later.isNull() ? refusal.detail : later;
}

} // namespace fo
