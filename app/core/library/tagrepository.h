#pragma once

#include "base/refusal.h"
#include "domain/story.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fo {

class Database;

struct Tag
{
    qint64 id = 0;
    QString category; // "", "office", "topic" or "type"
    QString name;
    QString label() const { return TagLabel{category, name}.toString(); }
};

/// Tags and the story–tag link.
class TagRepository
{
public:
    explicit TagRepository(Database &db) : mDb(db) {}

    Result<QVector<Tag>> all() const;
    /// The id of the tag with this label ("topic/justice-system"), or 0 when there is none.
    qint64 find(const QString &label) const;
    /// Its id, or why not (TagNeedsName, CannotCreateTag).
    Result<qint64> findOrCreate(const QString &label);
    /// Replaces the story's tags, creating tags that do not exist. Call inside a transaction.
    Status setStoryTags(qint64 storyId, const QStringList &labels);
    QStringList storyTags(qint64 storyId) const;
    /// The tags of many stories (a page of a list) in one query, by story id.
    QHash<qint64, QStringList> storyTags(const QVector<qint64> &storyIds) const;

private:
    Database &mDb;
};

} // namespace fo
