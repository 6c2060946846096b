#include "search/storyquery.h"

#include "library/database.h"
#include "library/tagrepository.h"
#include "search/searchquery.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

/// The FROM and WHERE of a filtered list, with its bound values.
struct FilterSql
{
    QString from;
    QString where;
    QVariantList values;
    QString fts;
    bool byTag = false; // the rows come from story_tags, ordered by its copy of updated_at
    // The conditions and values besides the full-text match (which comes first in `where`).
    QStringList otherConditions;
    QVariantList otherValues;
};

/// Replaces a long prefix (`"investig"*`) by the words of the index that start with it
/// (`("investigation" OR "investigator")`). FTS5 answers a prefix longer than its prefix
/// indexes (2 and 3 characters) by merging the lists of every such word, again for each
/// snippet; whole words are read lazily. Only plain ASCII prefixes are expanded (the index
/// folds case and accents; those are folded the same here), and only when few words match.
QString expandPrefixes(Database &db, const QString &fts)
{
    static const QRegularExpression prefix(QStringLiteral("\"([a-z0-9]{4,})\"\\*"));
    QString out = fts.toLower() == fts ? fts : fts;
    QRegularExpressionMatchIterator it = prefix.globalMatch(fts.toLower());
    if (!it.hasNext()) {
        return fts;
    }
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.stories_vocab USING "
                               "fts5vocab(main, stories_fts, 'row')"))) {
        return fts;
    }
    QVector<QPair<QString, QString>> replacements;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString stem = m.captured(1);
        q.prepare(QStringLiteral("SELECT term FROM temp.stories_vocab WHERE term >= ? AND "
                                 "term < ? LIMIT 33"));
        q.addBindValue(stem);
        q.addBindValue(stem + QChar(0xFFFF));
        QStringList words;
        if (q.exec()) {
            while (q.next()) {
                words << QLatin1Char('"') + q.value(0).toString() + QLatin1Char('"');
            }
        }
        if (words.isEmpty() || words.size() > 32) {
            continue; // nothing to gain (no match) or too many words: keep the prefix
        }
        replacements.append({m.captured(0), QLatin1Char('(') + words.join(QStringLiteral(" OR ")) +
                                                QLatin1Char(')')});
    }
    for (const auto &r : replacements) {
        const int at = out.toLower().indexOf(r.first);
        if (at >= 0) {
            out.replace(at, r.first.size(), r.second);
        }
    }
    return out;
}

FilterSql filterSql(Database &db, const StoryFilter &filter)
{
    FilterSql sql;
    QStringList conditions;
    sql.fts = expandPrefixes(db, SearchQuery(filter.search, filter.prefixLastWord).ftsExpression());
    if (!sql.fts.isEmpty()) {
        sql.from = QStringLiteral("stories_fts JOIN stories s ON s.id = stories_fts.rowid "
                                  "LEFT JOIN offices o ON o.id = s.office_id");
        conditions << QStringLiteral("stories_fts MATCH ?");
        sql.values << sql.fts;
    } else {
        sql.from = QStringLiteral("stories s LEFT JOIN offices o ON o.id = s.office_id");
    }
    if (filter.onlyDeleted) {
        conditions << QStringLiteral("s.deleted_at IS NOT NULL");
    } else if (!filter.includeDeleted) {
        conditions << QStringLiteral("s.deleted_at IS NULL");
    }
    if (filter.status) {
        conditions << QStringLiteral("s.status = ?");
        sql.values << statusKey(*filter.status);
    }
    if (!filter.office.trimmed().isEmpty()) {
        conditions << QStringLiteral("s.office_id = (SELECT id FROM offices WHERE name = ? "
                                     "COLLATE NOCASE)");
        sql.values << filter.office.trimmed();
    }
    if (!filter.tag.trimmed().isEmpty()) {
        const qint64 tagId = TagRepository(db).find(filter.tag);
        if (sql.fts.isEmpty()) {
            // Start from the tag's links, already newest first in their index (story_tags
            // mirrors updated_at); CROSS JOIN fixes that loop order.
            sql.from = QStringLiteral("story_tags st CROSS JOIN stories s ON s.id = st.story_id "
                                      "LEFT JOIN offices o ON o.id = s.office_id");
            conditions.prepend(QStringLiteral("st.tag_id = ?"));
            sql.values.prepend(tagId);
            sql.byTag = true;
        } else {
            conditions << QStringLiteral("EXISTS (SELECT 1 FROM story_tags st WHERE "
                                         "st.story_id = s.id AND st.tag_id = ?)");
            sql.values << tagId;
        }
    }
    if (!conditions.isEmpty()) {
        sql.where = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
    if (!sql.fts.isEmpty()) {
        sql.otherConditions = conditions.mid(1);
        sql.otherValues = sql.values.mid(1);
    }
    return sql;
}

/// How many stories the expression matches, counting no further than `limit`: the cost grows
/// with the answer, not with the library.
int matchesUpTo(Database &db, const QString &fts, int limit)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM (SELECT rowid FROM stories_fts "
                             "WHERE stories_fts MATCH ? LIMIT ?)"));
    q.addBindValue(fts);
    q.addBindValue(limit);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

} // namespace

StoryQuery::Order StoryQuery::order(const StoryFilter &filter) const
{
    return orderFor(
        expandPrefixes(mDb, SearchQuery(filter.search, filter.prefixLastWord).ftsExpression()));
}

StoryQuery::Order StoryQuery::orderFor(const QString &fts) const
{
    if (fts.isEmpty()) {
        return Order::Updated;
    }
    // Probed on every call, not remembered: the cost is bounded (kRankLimit + 1 rowids) and
    // the answer changes as the library does.
    return matchesUpTo(mDb, fts, kRankLimit + 1) > kRankLimit ? Order::Newest : Order::Relevance;
}

Result<QVector<StoryRow>> StoryQuery::list(const StoryFilter &filter, int offset, int limit,
                                           bool withTags) const
{
    return read(filter, nullptr, offset, limit, withTags);
}

Result<QVector<StoryRow>> StoryQuery::listAfter(const StoryFilter &filter, const StoryRow &last,
                                                int offset, int limit, bool withTags) const
{
    return read(filter, &last, offset, limit, withTags);
}

namespace {

const QString kRowColumns = QStringLiteral("s.id, s.headline, s.status, o.name, s.dateline_city, "
                                           "s.dateline_country, s.updated_at");

StoryRow rowFrom(const QSqlQuery &q)
{
    StoryRow row;
    row.id = q.value(0).toLongLong();
    row.headline = q.value(1).toString();
    row.status = parseStatus(q.value(2).toString()).value_or(StoryStatus::Draft);
    row.officeName = q.value(3).toString();
    row.datelineCity = q.value(4).toString();
    row.datelineCountry = q.value(5).toString();
    row.updatedAt = timeFromSql(q.value(6));
    return row;
}

/// Whether the expression holds a phrase: a quoted string of more than one word.
bool hasPhrase(const QString &fts)
{
    bool quoted = false;
    bool space = false;
    for (qsizetype i = 0; i < fts.size(); ++i) {
        const QChar c = fts.at(i);
        if (c == u'"') {
            if (quoted && i + 1 < fts.size() && fts.at(i + 1) == u'"') {
                ++i; // "" is a quote inside the string
                continue;
            }
            if (quoted && space) {
                return true;
            }
            quoted = !quoted;
            space = false;
        } else if (quoted && c.isSpace()) {
            space = true;
        }
    }
    return false;
}

/// The page of a search ranked by relevance, into `rows`; false (and no rows) when the search
/// matches more than kRankLimit stories and must be read newest first instead.
bool readRanked(Database &db, const FilterSql &sql, int offset, int limit, QVector<StoryRow> *rows,
                std::optional<Refusal> *error)
{
    constexpr int kRankLimit = StoryQuery::kRankLimit;
    // One pass over the matches: their scores, taken no further than kRankLimit + 1. More
    // than kRankLimit (a common word) means newest first instead, and this pass cost no more
    // than counting them would have; fewer are ranked from what was read, without reading the
    // matches a second time (a phrase costs its position lists once, not twice).
    QString where;
    if (!sql.otherConditions.isEmpty()) {
        where = QStringLiteral(" WHERE ") + sql.otherConditions.join(QStringLiteral(" AND "));
    }
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("WITH m AS MATERIALIZED (SELECT rowid AS rid, "
                             "bm25(stories_fts, 10.0, 4.0, 1.0, 2.0) AS score FROM stories_fts "
                             "WHERE stories_fts MATCH ? LIMIT ?) "
                             "SELECT ") +
              kRowColumns +
              QStringLiteral(", (SELECT count(*) FROM m) FROM m JOIN stories s ON s.id = m.rid "
                             "LEFT JOIN offices o ON o.id = s.office_id") +
              where + QStringLiteral(" ORDER BY m.score, s.id DESC LIMIT ? OFFSET ?"));
    q.addBindValue(sql.fts);
    q.addBindValue(kRankLimit + 1);
    for (const QVariant &v : sql.otherValues) {
        q.addBindValue(v);
    }
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        *error = queryRefusal(q);
        return true; // answered: with the error
    }
    while (q.next()) {
        if (q.value(7).toInt() > kRankLimit) {
            rows->clear();
            return false;
        }
        rows->append(rowFrom(q));
    }
    if (rows->isEmpty() && offset > 0) {
        // An empty page past the end says nothing of the count: ask once more from the start.
        QVector<StoryRow> first;
        if (!readRanked(db, sql, 0, 1, &first, error)) {
            return false;
        }
    }
    return true;
}

/// The statement that reads a page of rows in `order`; after `after` when given, which sets
/// the offset to 0 (the key replaces it). Binds: sql.values, then the limit and the offset.
QString pageStatement(FilterSql &sql, StoryQuery::Order order, const StoryRow *after, int *offset)
{
    QString orderBy;
    QString keyset;
    QVariantList keyValues;
    switch (order) {
    case StoryQuery::Order::Updated: {
        const QString key = sql.byTag ? QStringLiteral("(st.updated_at, st.story_id)")
                                      : QStringLiteral("(s.updated_at, s.id)");
        orderBy = sql.byTag ? QStringLiteral(" ORDER BY st.updated_at DESC, st.story_id DESC")
                            : QStringLiteral(" ORDER BY s.updated_at DESC, s.id DESC");
        if (after) {
            keyset = key + QStringLiteral(" < (?, ?)");
            keyValues << after->updatedAt.toMSecsSinceEpoch() << after->id;
        }
        break;
    }
    case StoryQuery::Order::Relevance:
        orderBy = QStringLiteral(" ORDER BY bm25(stories_fts, 10.0, 4.0, 1.0, 2.0), s.id DESC");
        break;
    case StoryQuery::Order::Newest:
        orderBy = QStringLiteral(" ORDER BY stories_fts.rowid DESC");
        if (after) {
            keyset = QStringLiteral("stories_fts.rowid < ?");
            keyValues << after->id;
        }
        break;
    }
    if (!keyset.isEmpty()) {
        sql.where +=
            (sql.where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + keyset;
        sql.values += keyValues;
        *offset = 0;
    }
    return QStringLiteral("SELECT ") + kRowColumns + QStringLiteral(" FROM ") + sql.from +
           sql.where + orderBy + QStringLiteral(" LIMIT ? OFFSET ?");
}

} // namespace

Result<QVector<StoryRow>> StoryQuery::read(const StoryFilter &filter, const StoryRow *after,
                                           int offset, int limit, bool withTags) const
{
    QVector<StoryRow> rows;
    FilterSql sql = filterSql(mDb, filter);
    // A phrase is the one kind of query whose count costs as much as its answer (its position
    // lists are read whole even to count a few matches), so it is ranked in the same pass that
    // counts; words are counted first, which stops early when they are common.
    const bool rankedPass = !sql.fts.isEmpty() && !after && hasPhrase(sql.fts);
    if (rankedPass) {
        std::optional<Refusal> failed;
        if (readRanked(mDb, sql, offset, limit, &rows, &failed)) {
            if (failed) {
                return *failed;
            }
            finishRows(rows, sql.fts, withTags);
            return rows;
        }
        rows.clear();
    }
    const Order order = sql.fts.isEmpty() ? Order::Updated
                        : rankedPass      ? Order::Newest // ranked above: too many to rank
                                          : orderFor(sql.fts);
    const QString statement = pageStatement(sql, order, after, &offset);
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    q.prepare(statement);
    for (const QVariant &v : sql.values) {
        q.addBindValue(v);
    }
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        return queryRefusal(q);
    }
    while (q.next()) {
        rows.append(rowFrom(q));
    }
    finishRows(rows, sql.fts, withTags);
    return rows;
}

Status StoryQuery::forEachRow(const StoryFilter &filter, int pageSize, bool withTags,
                              const std::function<bool(const StoryRow &)> &each) const
{
    StoryRow last;
    for (int offset = 0;; offset += pageSize) {
        const Result<QVector<StoryRow>> page =
            read(filter, offset == 0 ? nullptr : &last, offset, pageSize, withTags);
        if (!page) {
            return page.refusal();
        }
        const QVector<StoryRow> &rows = *page;
        for (const StoryRow &row : rows) {
            if (!each(row)) {
                return Status();
            }
        }
        if (rows.size() < pageSize) {
            return Status();
        }
        last = rows.constLast();
    }
}

QStringList StoryQuery::plan(const StoryFilter &filter) const
{
    FilterSql sql = filterSql(mDb, filter);
    const Order order = orderFor(sql.fts);
    int offset = 0;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + pageStatement(sql, order, nullptr, &offset));
    for (const QVariant &v : sql.values) {
        q.addBindValue(v);
    }
    q.addBindValue(200);
    q.addBindValue(offset);
    QStringList steps;
    if (q.exec()) {
        while (q.next()) {
            steps << q.value(3).toString();
        }
    }
    return steps;
}

void StoryQuery::finishRows(QVector<StoryRow> &rows, const QString &fts, bool withTags) const
{
    if (!fts.isEmpty() && mSnippets) {
        addSnippets(rows, fts);
    }
    if (withTags) {
        addTags(rows);
    }
}

void StoryQuery::addTags(QVector<StoryRow> &rows) const
{
    QVector<qint64> ids;
    ids.reserve(rows.size());
    for (const StoryRow &row : std::as_const(rows)) {
        ids << row.id;
    }
    const QHash<qint64, QStringList> tags = TagRepository(mDb).storyTags(ids);
    for (StoryRow &row : rows) {
        row.tags = tags.value(row.id);
    }
}

void StoryQuery::addSnippets(QVector<StoryRow> &rows, const QString &fts) const
{
    // One seek per shown row: the index jumps straight to the story's entry. The snippet comes
    // from the body, the summary or the headline, the first that holds a match: never from
    // tag_text, whose words ("topic police-training type training") read as garbage under a
    // headline (issue 12 item 8). A match only in the tags gives an empty snippet.
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT snippet(stories_fts, 2, char(2), char(3), '…', 16), "
                             "snippet(stories_fts, 1, char(2), char(3), '…', 16), "
                             "snippet(stories_fts, 0, char(2), char(3), '…', 16) "
                             "FROM stories_fts WHERE stories_fts MATCH ? AND rowid = ?"));
    for (StoryRow &row : rows) {
        q.addBindValue(fts);
        q.addBindValue(row.id);
        if (q.exec() && q.next()) {
            for (int column = 0; column < 3; ++column) {
                const QString snippet = q.value(column).toString();
                if (snippet.contains(QChar(2))) {
                    row.snippet = snippet;
                    break;
                }
            }
        }
        // A story can have an empty snippet (a match only in its tags); keep it non-null so a
        // view can tell "searching" from "not searching".
        if (row.snippet.isNull()) {
            row.snippet = QStringLiteral("");
        }
        q.finish();
    }
}

Result<int> StoryQuery::count(const StoryFilter &filter) const
{
    const FilterSql sql = filterSql(mDb, filter);
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM ") + sql.from + sql.where);
    for (const QVariant &v : sql.values) {
        q.addBindValue(v);
    }
    if (!q.exec() || !q.next()) {
        return queryRefusal(q);
    }
    return q.value(0).toInt();
}

} // namespace fo
