#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace fo {

/// Why core did not do what it was asked. Core never writes sentences for people: it returns a
/// kind and the data the words need, and each front end puts it into words — the command line
/// and the window through refusalText() (app/messages), which is translatable.
///
/// Add a kind when a new refusal needs different words; keep `detail` for text that comes from
/// the system itself (SQLite's message, strerror, a parser's position), never for our own words.
enum class RefusalKind
{
    // A write to the library failed (SQLite's result): "cannot save: …" in words.
    LibraryBusy,     // another program holds the write lock past the busy timeout
    LibraryReadOnly, // opened read-only, or the file or folder is not writable
    DiskFull,        // SQLITE_FULL, ENOSPC, EDQUOT
    FileSizeLimit,   // EFBIG
    LibraryDamaged,  // SQLITE_CORRUPT: `detail` holds SQLite's text
    NotALibrary,     // SQLITE_NOTADB
    StorageFailed,   // any other SQLite error: `detail` holds SQLite's text

    // refusals: base, domain, markdown, library, search, export, backup, demo, pdf.
    // "cannot open/create/upgrade <subject>: <storage reason>": `number` holds the storage
    // kind (LibraryBusy … StorageFailed) and `detail` SQLite's text.
    QueryFailed,     // a read or write failed: `number` SQLite's primary code, `detail` its text
    NoLibraryGiven,  // no library file given
    LibraryIsFolder, // `subject` is a folder
    LibraryExists,   // `subject` already exists (a new library was asked for)
    NoLibraryFolderMissing,  // no library at `subject`: folder `object` does not exist
    CreateFolderMissing,     // cannot create `subject`: folder `object` does not exist
    NoLibrary,               // no library at `subject`
    CreateFolderNotWritable, // cannot create `subject`: folder `object` is not writable
    ReadOnlyWalPending,      // `subject` read-only, its changes in `object`; `number` 1: folder
    LibraryEmptyFile,        // `subject` is an empty file
    OtherSqliteDatabase,     // `subject` is another SQLite database
    LibraryTooNew,           // `subject` made by a newer program: `number` its version
    ReadOnlyTooOld,          // `subject` read-only and too old to read without an upgrade
    NotSqliteFile,           // `subject` is not an SQLite database
    LibraryFileDamaged,      // `subject` is damaged: `detail` SQLite's text
    CannotOpenLibrary,       // cannot open `subject`: the storage kind in `number`
    CannotCreateLibrary,     // cannot create `subject`: the storage kind in `number`
    CannotUpgradeLibrary,    // cannot upgrade `subject`: the storage kind in `number`
    OfficeNeedsName,         // an office needs a name
    CannotCreateOffice,      // office `subject`: a QueryFailed in `number`/`detail`
    TagNeedsName,            // a tag needs a name
    CannotCreateTag,         // tag `subject`: a QueryFailed in `number`/`detail`
    AuditRecordFailed,       // the audit trail: a QueryFailed in `number`/`detail`

    // Files written beside their destination (base/atomicwrite.h): `subject` the file with
    // native separators, `number` the errno (0: none) and `detail` strerror's words for it.
    FileWriteFailed,   // cannot write `subject`: the errno in words
    FileIsFolder,      // cannot write `subject`: it is a folder
    FileFolderMissing, // cannot write `subject`: the folder `object` does not exist
    NotAFolder,        // `subject` exists and is not a folder
    FolderNotPacket,   // `subject` is a folder that does not hold an earlier packet
    FileReplaceFailed, // cannot replace `subject`: the errno in words
    FileMoveFailed,    // cannot move the new `subject` into place: the errno in words

    // Exports (export/, app/pdf).
    ExportCancelled,       // export cancelled
    PacketEmpty,           // a packet needs at least one story
    NoStoriesMatch,        // a packet's tags and state match no story
    StoryNotFound,         // no story with `id`
    PdfModuleWrongVersion, // `subject` is not this version's PDF module: `detail` the loader's
                           // words, or `number` 1: another version
    PdfModuleMissing,      // the PDF module was not found: `subject` the places looked at
    PdfCreateFailed,       // cannot create the PDF: `detail` Cairo's words
    PdfWriteFailed,        // cannot write `subject`: `detail` Cairo's words

    // People's roles (domain/person.h).
    UnknownRole, // unknown role `subject`
    NoRoleGiven, // no role given

    // At the desk (issue 12 items 1, 17): who may change what.
    NoPersonChosen,         // nobody chosen: every change needs a person
    CreateNeedsRole,        // `subject` (a person) cannot create stories: the editor role
    OrganisationNeedsAdmin, // `subject` (a person) cannot change the organisation's details
    JoinNameTaken,          // `subject` is already a person of the library or asking to join
    JoinNeedsName,          // asking to join needs a name

    // end of refusals: base … pdf

    // Spelling (issue 12 item 3: spellcheck): spelling/.
    NoSpellingDictionary,         // no dictionary for language `subject` (its English name)
    SpellingDictionaryUnreadable, // dictionary `subject` cannot be read: `detail` why
    NotAWord,                     // `subject` cannot go into the library's dictionary

    // refusals: storylimits, people, comments, history, workflow, stories, backup, demo
    // (issue 11 item 3, the rest). A "query" in a comment: SQLite's code in `number` and its
    // text in `detail`, worded by queryReasonText().
    StoryBodyTooLarge,    // "cannot save: …": the body is `number` bytes of UTF-8
    StoryTooManyTags,     // "cannot save: …": `number` distinct tags
    StoryTagTooLong,      // "cannot save: …": tag `subject` (its start) is `number` characters
    StoryFieldTooLong,    // "cannot save: …": field `id` (StoryLimitField) is `number` characters
    PersonNeedsName,      // a person needs a name
    PersonNameTooLong,    // a name is one line of at most 200 characters
    PersonNeedsRole,      // `subject` needs at least one role
    PersonNameTaken,      // there is already a person named `subject`
    CannotAddPerson,      // cannot add `subject`: a query
    CannotChangePerson,   // cannot change `subject`: a query
    CannotSaveRoles,      // cannot save roles: a query
    PersonNotFound,       // no person with id `id`
    NoPersonNamed,        // no person named `subject`
    LastAdmin,            // `subject` is the last admin
    WorkflowRefused,      // a workflow rule's sentence (Workflow::refusal() & co.) in `detail`
    CommentNeedsPerson,   // a comment needs a person
    CommentEmpty,         // the comment is empty
    CommentOtherStory,    // comment `id` belongs to another story
    CannotSaveComment,    // cannot save the comment: a query
    CannotChangeComment,  // cannot change the comment: a query
    CommentNotFound,      // no comment with id `id`
    CannotMoveAnchor,     // cannot move a comment anchor: a query
    CannotSaveRevision,   // cannot save the revision: a query
    RevisionNotFound,     // story `id` has no revision `number`
    RevisionIdNotFound,   // no revision with id `id`
    CannotSaveApproval,   // cannot save the approval: a query
    CannotReadApproval,   // cannot read the approval back: a query
    CannotSaveNewStory,   // cannot save story: a query
    CannotSaveStory,      // cannot save story `id`: a query
    CannotChangeStory,    // cannot change story `id`: a query
    StateRevisionMissing, // the state revision is missing
    RestoredRevisionMissing, // the restored revision is missing
    NothingToRestore,        // revision `number` has the current content
    CannotReadTrash,         // cannot read the Trash: a query
    CannotEmptyTrash,        // cannot empty the Trash: a query
                      // Why a story's approval does not let it out (ApprovalState::why): `id` the
                      // story.
    StoryNotApproved,     // story is `subject` (its state as read, lower case), not approved
    ApprovalMissing,      // marked `subject` (its state) but no approval on record
    ApprovalNotCounted,   // marked `subject` but its approval does not count: `detail` the rule
    ChangedAfterApproval, // changed after its approval of revision `number`
                          // The same four refused a release: "cannot release: …", with the same
                          // fields.
    ReleaseNotApproved,
    ReleaseApprovalMissing,
    ReleaseApprovalNotCounted,
    ReleaseChangedAfterApproval,
    FingerprintFailed,   // the backup's reading of the library failed: `detail` its words
    DemoStoriesMissing,  // the demo stories are missing from this build
    DemoStoryUnreadable, // a demo story did not parse: `detail` the parser's words

    // end of refusals: storylimits … demo

    Count_ // keep last: the number of kinds (tests iterate up to it)
};

struct Refusal
{
    RefusalKind kind = RefusalKind::StorageFailed;
    QString subject;   // what it is about, as people know it: a headline, a file name, a person
    QString detail;    // the system's own words, untranslated; may be empty
    qint64 id = 0;     // a story, revision or comment id when the words need one
    qint64 number = 0; // a count, size or limit when the words need one
    QString object;    // a second name the words need (the folder of a file)

    Refusal() = default;
    explicit Refusal(RefusalKind k, QString subj = QString(), QString det = QString())
        : kind(k), subject(std::move(subj)), detail(std::move(det))
    {
    }
};

/// A value or the refusal why there is none. Converts to bool: true when it holds a value.
template <typename T> class Result
{
public:
    Result(T value) : mValue(std::move(value)) {}
    Result(Refusal refusal) : mRefusal(std::move(refusal)) {}

    explicit operator bool() const { return mValue.has_value(); }
    bool ok() const { return mValue.has_value(); }
    T &value() { return *mValue; }
    const T &value() const { return *mValue; }
    T &operator*() { return *mValue; }
    const T &operator*() const { return *mValue; }
    T *operator->() { return &*mValue; }
    const T *operator->() const { return &*mValue; }
    /// The value, or `fallback` when refused.
    T value_or(T fallback) const { return mValue ? *mValue : std::move(fallback); }
    /// Only meaningful when !ok().
    const Refusal &refusal() const { return mRefusal; }

private:
    std::optional<T> mValue;
    Refusal mRefusal;
};

/// Done, or the refusal why not: the result of a change that returns nothing else.
class Status
{
public:
    Status() = default; // done
    Status(Refusal refusal) : mRefused(true), mRefusal(std::move(refusal)) {}

    explicit operator bool() const { return !mRefused; }
    bool ok() const { return !mRefused; }
    const Refusal &refusal() const { return mRefusal; }

private:
    bool mRefused = false;
    Refusal mRefusal;
};

} // namespace fo
