#include "libraryhealth.h"

#include <QFile>

#include <sqlite3.h>

namespace fo {

HealthReport checkLibraryHealth(const QString &path, HealthCheck depth, int maxProblems)
{
    HealthReport report;
    sqlite3 *db = nullptr;
    const int rc =
        sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        report.error = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return report;
    }
    sqlite3_busy_timeout(db, 5000);
    const QByteArray sql = QByteArrayLiteral("PRAGMA ") +
                           (depth == HealthCheck::Quick ? "quick_check" : "integrity_check") +
                           '(' + QByteArray::number(qMax(1, maxProblems)) + ')';
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr) != SQLITE_OK) {
        // A damaged schema page fails here, before the check proper: that is damage too.
        const int code = sqlite3_errcode(db) & 0xff;
        const QString message = QString::fromUtf8(sqlite3_errmsg(db));
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            report.ran = true;
            report.problems << message;
        } else {
            report.error = message;
        }
        sqlite3_close(db);
        return report;
    }
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        const QString line = QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        if (line != QLatin1String("ok")) {
            report.problems << line;
        }
    }
    if (step == SQLITE_DONE) {
        report.ran = true;
    } else {
        const int code = sqlite3_errcode(db) & 0xff;
        const QString message = QString::fromUtf8(sqlite3_errmsg(db));
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            report.ran = true;
            report.problems << message;
        } else {
            report.error = message;
        }
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return report;
}

} // namespace fo
