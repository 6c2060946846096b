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
    LibraryBusy,       // another program holds the write lock past the busy timeout
    LibraryReadOnly,   // opened read-only, or the file or folder is not writable
    DiskFull,          // SQLITE_FULL, ENOSPC, EDQUOT
    FileSizeLimit,     // EFBIG
    LibraryDamaged,    // SQLITE_CORRUPT: `detail` holds SQLite's text
    NotALibrary,       // SQLITE_NOTADB
    StorageFailed,     // any other SQLite error: `detail` holds SQLite's text
};

struct Refusal
{
    RefusalKind kind = RefusalKind::StorageFailed;
    QString subject;  // what it is about, as people know it: a headline, a file name, a person
    QString detail;   // the system's own words, untranslated; may be empty
    qint64 id = 0;    // a story, revision or comment id when the words need one
    qint64 number = 0; // a count, size or limit when the words need one

    Refusal() = default;
    explicit Refusal(RefusalKind k, QString subj = QString(), QString det = QString())
        : kind(k), subject(std::move(subj)), detail(std::move(det))
    {
    }
};

/// A value or the refusal why there is none. Converts to bool: true when it holds a value.
template <typename T>
class Result
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
