#pragma once

#include "story.h"

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

    QVector<Tag> all(QString *error = nullptr) const;
    /// The id of the tag with this label ("topic/justice-system"), or 0 when there is none.
    qint64 find(const QString &label) const;
    /// Returns 0 and sets `error` on failure.
    qint64 findOrCreate(const QString &label, QString *error);
    /// Replaces the story's tags, creating tags that do not exist. Call inside a transaction.
    bool setStoryTags(qint64 storyId, const QStringList &labels, QString *error);
    QStringList storyTags(qint64 storyId) const;

private:
    Database &mDb;
};

} // namespace fo
