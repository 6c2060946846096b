#pragma once

#include "base/refusal.h"

#include "domain/story.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace fo {

class Database;

/// Reads pages of the story list for a filter, in SQL, without ever reading or scoring the
/// whole library.
///
/// Search has two orders. When a query matches few stories (at most kRankLimit), every match is
/// scored with bm25() and the best come first. When it matches more — a common word can match
/// every story — scoring them all would cost hundreds of milliseconds at 100,000 stories, so the
/// newest matches come first instead, read from the index in rowid order and stopping as soon as
/// the page is full. Which one is found by counting the matches up to kRankLimit + 1, which stops
/// early for common words; for a phrase, whose count costs as much as its answer, the first page
/// scores the matches up to kRankLimit + 1 in the same pass and falls back to newest-first only
/// when there are more.
/// Snippets are made only for the rows returned.
class StoryQuery
{
public:
    enum class Order
    {
        Updated,
        Relevance,
        Newest
    };
    static constexpr int kRankLimit = 1000;

    explicit StoryQuery(Database &db) : mDb(db) {}

    /// Whether searches make snippets for their rows (the default); the command line prints
    /// none and turns them off.
    void setSnippets(bool on) { mSnippets = on; }

    Result<QVector<StoryRow>> list(const StoryFilter &filter, int offset, int limit,
                                   bool withTags) const;
    /// The page after `last` (a row of the previous page). Unlike an offset, the cost does not
    /// grow with how far down the list is: the index seeks straight to the row after `last`.
    /// Ranked searches have no such key and fall back to offsets (they have few rows).
    Result<QVector<StoryRow>> listAfter(const StoryFilter &filter, const StoryRow &last, int offset,
                                        int limit, bool withTags) const;
    /// Every row for the filter, in list order, a page of `pageSize` at a time: each page is
    /// read after the last row of the one before (an offset would make the reads grow with
    /// the depth). `each` gets every row; returning false stops. Refused on a read error.
    Status forEachRow(const StoryFilter &filter, int pageSize, bool withTags,
                      const std::function<bool(const StoryRow &)> &each) const;
    /// Counts the whole result: on demand only, never to draw a list.
    Result<int> count(const StoryFilter &filter) const;
    /// The order list() uses for this filter.
    Order order(const StoryFilter &filter) const;
    /// How SQLite reads the first page for this filter: EXPLAIN QUERY PLAN, a line per step
    /// (for tests and fieldoffice-bench).
    QStringList plan(const StoryFilter &filter) const;

private:
    Order orderFor(const QString &fts) const; // fts: the expression as filterSql() made it
    Result<QVector<StoryRow>> read(const StoryFilter &filter, const StoryRow *after, int offset,
                                   int limit, bool withTags) const;
    void addSnippets(QVector<StoryRow> &rows, const QString &fts) const;
    void addTags(QVector<StoryRow> &rows) const;
    /// Snippets (when searching) and tags (when asked) for the rows of a page.
    void finishRows(QVector<StoryRow> &rows, const QString &fts, bool withTags) const;

    Database &mDb;
    bool mSnippets = true;
};

} // namespace fo
