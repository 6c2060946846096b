#pragma once

#include "base/refusal.h"
#include "domain/person.h"
#include "domain/story.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace fo {

class Database;

/// Brings story files (Markdown with front matter, or plain text with one or more stories; see
/// importparser.h) into the library. Each file is all or nothing: its stories are written in one
/// transaction, so a file that fails leaves no trace, and the files before it stay imported.
/// Imported stories start as drafts, each recorded as created (revision 1 and an audit row) by
/// the person who imports, or by nobody when none is given.
class Importer
{
public:
    explicit Importer(Database &db, const Person &actor = Person()) : mDb(db), mActor(actor) {}

    /// Where the library refused a file that the parser read.
    enum class Refused
    {
        No,
        ReadOnly, // the library is read-only
        Begin,    // the write transaction did not start: `why` a storage refusal
        Story,    // the writer refused the story at `line` with `headline`: `why`
        Commit,   // the transaction did not commit: `why` a storage refusal
    };

    /// In words (importErrorText() in app/messages): "FILE:LINE: message".
    struct FileResult
    {
        QString path;
        QVector<Story> imported; // as stored, with ids
        QStringList notes;
        QString error; // the parser's "FILE:LINE: message"; empty when it read the file
        Refused refused = Refused::No;
        Refusal why;
        int line = 0;     // Refused::Story: the story's first line
        QString headline; // Refused::Story: its headline
        /// True when the file was imported.
        bool ok() const { return error.isEmpty() && refused == Refused::No; }
    };

    FileResult importFile(const QString &path);

    /// The files to import for the paths a user named: a file stands for itself; a folder for the
    /// .md, .markdown and .txt files in it and its subfolders (hidden ones and README files left
    /// out), in natural order of their paths ("2.txt" before "10.txt"). A path named twice counts
    /// once. A missing path is an error "PATH: no such file"; so is a folder with nothing to
    /// import.
    static QStringList expandPaths(const QStringList &paths, QStringList *errors);

private:
    Database &mDb;
    Person mActor;
};

} // namespace fo
