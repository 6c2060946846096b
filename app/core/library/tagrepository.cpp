#include "library/tagrepository.h"

#include "library/database.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace fo {

Result<QVector<Tag>> TagRepository::all() const
{
    QVector<Tag> tags;
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT t.id, t.category, t.name "
                               "FROM tags t ORDER BY t.category, t.name COLLATE NOCASE"))) {
        return queryRefusal(q);
    }
    while (q.next()) {
        tags.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    return tags;
}

qint64 TagRepository::find(const QString &label) const
{
    const TagLabel parsed = TagLabel::parse(label);
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT id FROM tags WHERE category = ? AND name = ? COLLATE NOCASE"));
    q.addBindValue(notNull(parsed.category));
    q.addBindValue(notNull(parsed.name));
    if (q.exec() && q.next()) {
        return q.value(0).toLongLong();
    }
    if (parsed.category.isEmpty()) {
        // "forced-labour" names "topic/forced-labour" when only one category has that name.
        q.prepare(QStringLiteral("SELECT id FROM tags WHERE name = ? COLLATE NOCASE LIMIT 2"));
        q.addBindValue(parsed.name);
        if (q.exec() && q.next()) {
            const qint64 id = q.value(0).toLongLong();
            return q.next() ? 0 : id;
        }
    }
    return 0;
}

Result<qint64> TagRepository::findOrCreate(const QString &label)
{
    const TagLabel parsed = TagLabel::parse(label);
    if (parsed.name.isEmpty()) {
        return Refusal(RefusalKind::TagNeedsName);
    }
    if (const qint64 id = find(label)) {
        return id;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO tags (category, name) VALUES (?, ?)"));
    q.addBindValue(notNull(parsed.category));
    q.addBindValue(notNull(parsed.name));
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotCreateTag, label);
    }
    return q.lastInsertId().toLongLong();
}

Status TagRepository::setStoryTags(qint64 storyId, const QStringList &labels)
{
    QSet<qint64> wanted;
    for (const QString &label : labels) {
        if (label.trimmed().isEmpty()) {
            continue;
        }
        const Result<qint64> id = findOrCreate(label);
        if (!id) {
            return id.refusal();
        }
        wanted.insert(*id);
    }
    QSet<qint64> current;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT tag_id FROM story_tags WHERE story_id = ?"));
    q.addBindValue(storyId);
    if (!q.exec()) {
        return queryRefusal(q);
    }
    while (q.next()) {
        current.insert(q.value(0).toLongLong());
    }
    // Only the difference is written, so an unchanged tag list touches nothing.
    QSqlQuery del(mDb.connection());
    del.prepare(QStringLiteral("DELETE FROM story_tags WHERE story_id = ? AND tag_id = ?"));
    for (const qint64 id : current) {
        if (!wanted.contains(id)) {
            del.addBindValue(storyId);
            del.addBindValue(id);
            if (!del.exec()) {
                return queryRefusal(del);
            }
        }
    }
    QSqlQuery ins(mDb.connection());
    ins.prepare(QStringLiteral("INSERT INTO story_tags (story_id, tag_id) VALUES (?, ?)"));
    for (const qint64 id : wanted) {
        if (!current.contains(id)) {
            ins.addBindValue(storyId);
            ins.addBindValue(id);
            if (!ins.exec()) {
                return queryRefusal(ins);
            }
        }
    }
    return Status();
}

QStringList TagRepository::storyTags(qint64 storyId) const
{
    return storyTags(QVector<qint64>{storyId}).value(storyId);
}

QHash<qint64, QStringList> TagRepository::storyTags(const QVector<qint64> &storyIds) const
{
    QHash<qint64, QStringList> tags;
    if (storyIds.isEmpty()) {
        return tags;
    }
    // The ids are integers, written into the statement: one statement for any number of them.
    QStringList ids;
    ids.reserve(storyIds.size());
    for (const qint64 id : storyIds) {
        ids << QString::number(id);
    }
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT st.story_id, t.category, t.name FROM story_tags st "
                              "JOIN tags t ON t.id = st.tag_id WHERE st.story_id IN (%1) "
                              "ORDER BY st.story_id, t.category = '', t.category, "
                              "t.name COLLATE NOCASE")
                   .arg(ids.join(QLatin1Char(','))))) {
        while (q.next()) {
            tags[q.value(0).toLongLong()].append(
                TagLabel{q.value(1).toString(), q.value(2).toString()}.toString());
        }
    }
    return tags;
}

} // namespace fo
