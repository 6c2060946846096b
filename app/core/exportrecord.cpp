#include "exportrecord.h"

#include "auditlog.h"
#include "database.h"

#include <QFileInfo>

namespace fo {

bool recordStoryExport(Database &db, const Story &story, const Person &actor, const QString &path,
                       const StoryExportRecord &record, FileSet &files, QString *error)
{
    Transaction tx(db.connection());
    if (!tx.isActive()) {
        *error = QStringLiteral("cannot record the export: the library is busy or read-only");
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
