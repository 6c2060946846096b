#include "library/libraryhealth.h"

#include "library/libraryaccess.h"

#include <QStringList>

#include <sqlite3.h>

namespace fo {

namespace {

/// Damage that stops the check itself is a finding too; anything else means it did not run.
void failed(sqlite3 *db, int rc, HealthReport *report)
{
    const int code = rc & 0xff;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
        report->ran = true;
        report->problems << QString::fromUtf8(sqlite3_errmsg(db));
    } else {
        report->refusal = sqliteRefusal(db, rc);
    }
}

} // namespace

HealthReport checkLibraryHealth(const QString &path, HealthCheck depth, int maxProblems)
{
    HealthReport report;
    const LibraryAccess access = libraryAccess(path);
    if (access.refused) {
        report.refusal = *access.refused;
        return report;
    }
    sqlite3 *db = nullptr;
    int rc = openForReading(access, &db);
    if (rc != SQLITE_OK) {
        report.refusal = sqliteRefusal(db, rc);
        sqlite3_close(db);
        return report;
    }
    const QByteArray sql = QByteArrayLiteral("PRAGMA ") +
                           (depth == HealthCheck::Quick ? "quick_check" : "integrity_check") + '(' +
                           QByteArray::number(qMax(1, maxProblems)) + ')';
    sqlite3_stmt *statement = nullptr;
    // A damaged schema page fails at prepare, before the check proper.
    rc = sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            const QString line = QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
            // The first finding comes as "*** in database main ***\nPage 5: …".
            const QStringList lines = line.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (const QString &l : lines) {
                if (l != QLatin1String("ok") && !l.startsWith(QLatin1String("*** in database"))) {
                    report.problems << l;
                }
            }
        }
    }
    if (rc == SQLITE_DONE) {
        report.ran = true;
    } else {
        failed(db, rc, &report);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return report;
}

} // namespace fo
