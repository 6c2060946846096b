#include "export/exportrecord.h"

#include "export/htmlexporter.h"
#include "library/auditlog.h"
#include "library/database.h"

#include <QDir>
#include <QFileInfo>

namespace fo {

Status stageStoryExport(const Story &story, const QString &path, const QString &format,
                        const PdfOptions &options, FileSet &files)
{
    const QString destination = QFileInfo(path).absoluteFilePath();
    if (format == QLatin1String("html")) {
        HtmlOptions html;
        html.draft = options.draft;
        StagedFile file(destination);
        Status done = file.open();
        if (done) {
            done = file.write(renderStoryHtml(story, html).toUtf8());
        }
        if (done) {
            done = file.close();
        }
        if (!done) {
            return done;
        }
        file.release();
        files.add(file.partPath(), destination, false);
        return Status();
    }
    if (!QFileInfo(destination).absoluteDir().exists()) {
        Refusal r = fileRefusal(RefusalKind::FileFolderMissing, destination);
        r.object = QDir::toNativeSeparators(QFileInfo(destination).absolutePath());
        return r;
    }
    removeStaleParts(destination, QDateTime::currentDateTimeUtc());
    // The PDF module writes its file whole (or nothing) under the part name it is given.
    const QString part = partName(destination);
    if (const Status written = writeStoryPdf(story, part, options); !written) {
        return namingDestination(written.refusal(), part, destination);
    }
    files.add(part, destination, false);
    return Status();
}

Status recordStoryExport(Database &db, const Story &story, const Person &actor, const QString &path,
                         const StoryExportRecord &record, FileSet &files)
{
    Transaction tx(db.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    Person who = actor;
    if (who.name.isEmpty()) {
        who.name = QStringLiteral("(command line)");
    }
    const QString detail = QStringLiteral("%1 to %2%3")
                               .arg(record.format.toUpper(), QFileInfo(path).fileName(),
                                    record.draft ? QStringLiteral(", DRAFT") : QString());
    if (const Status recorded =
            AuditLog(db).append(AuditAction::Exported, story.id, who, detail, record.revision);
        !recorded) {
        return recorded;
    }
    if (const Status published = files.publish(); !published) {
        return published; // the row rolls back with the transaction
    }
    if (const Status committed = tx.finish(); !committed) {
        files.undo();
        return committed;
    }
    files.finish();
    return Status();
}

} // namespace fo
