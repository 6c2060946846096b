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
