#pragma once

#include <QString>

struct sqlite3;

namespace fo::bench {

/// The floor: a search run straight through the sqlite3 C API, ranking every match with bm25()
/// and making snippets, as a plain FTS5 program would.
class Floor
{
public:
    explicit Floor(const QString &library);
    ~Floor();
    bool isOpen() const { return mDb != nullptr; }
    /// Top 50 with snippets; returns the number of rows.
    int search(const QString &ftsExpression, qint64 tagId = 0);

private:
    sqlite3 *mDb = nullptr;
};

} // namespace fo::bench
