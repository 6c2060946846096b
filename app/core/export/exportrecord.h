#pragma once

#include "base/atomicwrite.h"
#include "domain/person.h"
#include "domain/story.h"
#include "export/pdfexporter.h"

#include <QString>

namespace fo {

class Database;

/// One story's export, as the audit trail records it.
struct StoryExportRecord
{
    QString format;     // "pdf" or "html"
    bool draft = false; // marked "DRAFT — NOT FOR RELEASE"
    int revision = 0;   // the approved revision it shows, 0 when it is a draft
};

/// Writes one story's export, HTML or PDF (`format`), under a part name beside `path`: whole,
/// or nothing and the refusal why. `files` then holds it, ready to go into place with the record.
/// `options.draft` marks the HTML too; the PDF also takes its paper, organisation and progress.
Status stageStoryExport(const Story &story, const QString &path, const QString &format,
                        const PdfOptions &options, FileSet &files);

/// Records the export of `story` to `path` by `actor` (a person of the library, or, from the
/// command line without --as, nobody: the row then names "(command line)"), together with
/// publishing `files`: the row is written in a transaction, the files go into place, and the
/// transaction commits; if it cannot, the files are taken back (FileSet::undo()). Like a
/// packet's rows (PacketBuilder::recordExport).
Status recordStoryExport(Database &db, const Story &story, const Person &actor, const QString &path,
                         const StoryExportRecord &record, FileSet &files);

} // namespace fo
