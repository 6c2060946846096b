#pragma once

#include "base/refusal.h"

#include <QString>
#include <QStringList>

namespace fo {

class Database;

/// The library's own spelling dictionary: words that someone added ("Add to Library
/// Dictionary") for a story language, shared by everyone who opens the library. Stored in the
/// library file (table dictionary_words, schema version 5), so it travels with the library.
/// Adding a word is not a change to a story: it does not go through StoryWriter and is not in
/// the change log.
class LibraryDictionary
{
public:
    explicit LibraryDictionary(Database &db) : mDb(db) {}

    /// The words added for `language`, in no particular order. None in an older library opened
    /// read-only (it has no dictionary yet).
    Result<QStringList> words(const QString &language) const;
    /// Adds `word` for `language`, recorded as added by `addedBy`. A word already there is
    /// done. NotAWord for an empty word or one with spaces; a write refusal (LibraryBusy,
    /// LibraryReadOnly, DiskFull, …) when the library cannot be written.
    Status add(const QString &word, const QString &language, const QString &addedBy);

private:
    Database &mDb;
};

} // namespace fo
