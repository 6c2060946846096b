#include "floor.h"

#include <QFile>

#include <sqlite3.h>

namespace fo::bench {

Floor::Floor(const QString &library)
{
    if (sqlite3_open_v2(QFile::encodeName(library).constData(), &mDb, SQLITE_OPEN_READONLY,
                        nullptr) != SQLITE_OK) {
        sqlite3_close(mDb);
        mDb = nullptr;
    }
}

Floor::~Floor()
{
    sqlite3_close(mDb);
}

int Floor::search(const QString &ftsExpression, qint64 tagId)
{
    const char *sql =
        tagId
            ? "SELECT rowid, snippet(stories_fts, -1, char(2), char(3), '…', 16) FROM stories_fts "
              "WHERE stories_fts MATCH ?1 AND rowid IN (SELECT story_id FROM story_tags WHERE "
              "tag_id = ?2) ORDER BY rank LIMIT 50"
            : "SELECT rowid, snippet(stories_fts, -1, char(2), char(3), '…', 16) FROM stories_fts "
              "WHERE stories_fts MATCH ?1 ORDER BY rank LIMIT 50";
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(mDb, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        return -1;
    }
    const QByteArray expr = ftsExpression.toUtf8();
    sqlite3_bind_text(stmt, 1, expr.constData(), int(expr.size()), SQLITE_TRANSIENT);
    if (tagId) {
        sqlite3_bind_int64(stmt, 2, tagId);
    }
    int rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        ++rows;
    }
    sqlite3_finalize(stmt);
    return rows;
}

} // namespace fo::bench
