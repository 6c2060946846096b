#include "export/exportrecord.h"

#include "library/auditlog.h"
#include "library/database.h"
#include "export/htmlexporter.h"

#include <QDir>
#include <QFileInfo>

namespace fo {

bool stageStoryExport(const Story &story, const QString &path, const QString &format,
                      const PdfOptions &options, FileSet &files, QString *error)
{
    const QString destination = QFileInfo(path).absoluteFilePath();
    if (format == QLatin1String("html")) {
        HtmlOptions html;
        html.draft = options.draft;
        StagedFile file(destination);
        if (!file.open(error) || !file.write(renderStoryHtml(story, html).toUtf8(), error) ||
            !file.close(error)) {
            return false;
        }
        file.release();
        files.add(file.partPath(), destination, false);
        return true;
    }
    if (!QFileInfo(destination).absoluteDir().exists()) {
        *error = QStringLiteral("cannot write %1: the folder %2 does not exist")
                     .arg(QDir::toNativeSeparators(destination),
                          QDir::toNativeSeparators(QFileInfo(destination).absolutePath()));
        return false;
    }
    removeStaleParts(destination, QDateTime::currentDateTimeUtc());
    // The PDF module writes its file whole (or nothing) under the part name it is given.
    const QString part = partName(destination);
    if (!writeStoryPdf(story, part, options, error)) {
        error->replace(QDir::toNativeSeparators(part), QDir::toNativeSeparators(destination));
        return false;
    }
    files.add(part, destination, false);
    return true;
}

bool recordStoryExport(Database &db, const Story &story, const Person &actor, const QString &path,
                       const StoryExportRecord &record, FileSet &files, QString *error)
{
    Transaction tx(db.connection());
    if (!tx.started(error)) {
        return false;
    }
    Person who = actor;
    if (who.name.isEmpty()) {
        who.name = QStringLiteral("(command line)");
    }
    const QString detail = QStringLiteral("%1 to %2%3")
                               .arg(record.format.toUpper(), QFileInfo(path).fileName(),
                                    record.draft ? QStringLiteral(", DRAFT") : QString());
    if (!AuditLog(db).record(AuditAction::Exported, story.id, who, detail, error,
                             record.revision)) {
        return false;
    }
    if (!files.publish(error)) {
        return false; // the row rolls back with the transaction
    }
    if (!tx.commit(error)) {
        files.undo();
        return false;
    }
    files.finish();
    return true;
}

} // namespace fo
