#pragma once

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

    struct FileResult
    {
        QString path;
        QVector<Story> imported; // as stored, with ids
        QStringList notes;
        QString error; // "FILE:LINE: message"; empty when the file was imported
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
