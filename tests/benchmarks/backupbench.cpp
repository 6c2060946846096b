#include "backupbench.h"

#include "backup/backup.h"
#include "library/libraryhealth.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>

#include <sqlite3.h>

namespace fo::bench {

namespace {

/// The floor: every page copied with sqlite3_backup_step(-1), nothing verified.
void copyPages(const QString &from, const QString &to)
{
    sqlite3 *source = nullptr;
    sqlite3 *target = nullptr;
    sqlite3_open_v2(QFile::encodeName(from).constData(), &source, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_open_v2(QFile::encodeName(to).constData(), &target,
                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (sqlite3_backup *b = sqlite3_backup_init(target, "main", source, "main")) {
        sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
    }
    sqlite3_close(target);
    sqlite3_close(source);
}

} // namespace

void measureBackup(const QString &library, QVector<Measure> &out)
{
    // Beside the library: the same disk, as the automatic backups are.
    QTemporaryDir dir(QFileInfo(library).absolutePath() + QStringLiteral("/bench-backup-XXXXXX"));
    if (!dir.isValid()) {
        return;
    }
    const QString copy = dir.filePath(QStringLiteral("copy.fieldoffice"));
    const QString floorCopy = dir.filePath(QStringLiteral("pages.fieldoffice"));
    Measure m;
    m.name = QStringLiteral("backup of the library (write + verify)");
    BackupResult result;
    m.ours = measure(1, [&] {
        QFile::remove(copy);
        result = writeBackup(library, copy, false);
    });
    m.floor = measure(1, [&] {
        QFile::remove(floorCopy);
        copyPages(library, floorCopy);
    });
    m.statistic = QStringLiteral("median");
    m.note = result.ok ? QStringLiteral("%1 stories, %2 → %3")
                             .arg(result.stories)
                             .arg(QLocale::c().formattedDataSize(QFileInfo(floorCopy).size()),
                                  QLocale::c().formattedDataSize(result.size))
                       : result.error;
    out << m;

    Measure check;
    check.name = QStringLiteral("health check after start-up (quick_check)");
    check.statistic = QStringLiteral("median");
    bool healthy = false;
    check.ours =
        measure(1, [&] { healthy = checkLibraryHealth(library, HealthCheck::Quick).isHealthy(); });
    check.note = healthy ? QStringLiteral("healthy") : QStringLiteral("DAMAGED");
    out << check;
}

} // namespace fo::bench
