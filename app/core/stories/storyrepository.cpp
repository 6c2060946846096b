#include "stories/storyrepository.h"

#include "library/database.h"
#include "library/officerepository.h"
#include "library/tagrepository.h"
#include "search/storyquery.h"

#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace fo {

namespace {

QVariant officeValue(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

const QString kStoryColumns = QStringLiteral(
    "s.id, s.uuid, s.headline, s.dateline_city, s.dateline_country, s.office_id, o.name, "
    "s.byline, s.summary, s.body, s.language, s.status, s.embargo_at, s.created_at, "
    "s.updated_at");

Story storyFrom(const QSqlQuery &q)
{
    Story s;
    s.id = q.value(0).toLongLong();
    s.uuid = q.value(1).toString();
    s.headline = q.value(2).toString();
    s.datelineCity = q.value(3).toString();
    s.datelineCountry = q.value(4).toString();
    s.officeId = q.value(5).toLongLong();
    s.officeName = q.value(6).toString();
    s.byline = q.value(7).toString();
    s.summary = q.value(8).toString();
    s.body = q.value(9).toString();
    s.language = q.value(10).toString();
    s.status = parseStatus(q.value(11).toString()).value_or(StoryStatus::Draft);
    s.embargoAt = timeFromSql(q.value(12));
    s.createdAt = timeFromSql(q.value(13));
    s.updatedAt = timeFromSql(q.value(14));
    return s;
}

// The content columns in the order both the INSERT and the UPDATE name them: headline,
// dateline_city, dateline_country, office_id, byline, summary, body, language.
void bindContent(QSqlQuery &q, const Story &story)
{
    q.addBindValue(notNull(story.headline));
    q.addBindValue(notNull(story.datelineCity));
    q.addBindValue(notNull(story.datelineCountry));
    q.addBindValue(officeValue(story.officeId));
    q.addBindValue(notNull(story.byline));
    q.addBindValue(notNull(story.summary));
    q.addBindValue(notNull(story.body));
    q.addBindValue(story.language.isEmpty() ? QStringLiteral("en") : story.language);
}

} // namespace

bool StoryRepository::insert(Story &story, QString *error)
{
    if (!story.officeId && !story.officeName.trimmed().isEmpty()) {
        story.officeId = OfficeRepository(mDb).findOrCreate(story.officeName, story.datelineCity,
                                                            story.datelineCountry, error);
        if (!story.officeId) {
            return false;
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (story.uuid.isEmpty()) {
        story.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    if (!story.createdAt.isValid()) {
        story.createdAt = now;
    }
    if (!story.updatedAt.isValid()) {
        story.updatedAt = story.createdAt;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO stories (uuid, headline, dateline_city, dateline_country, office_id, byline, "
        "summary, body, language, status, embargo_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(notNull(story.uuid));
    bindContent(q, story);
    q.addBindValue(statusKey(story.status));
    q.addBindValue(sqlTime(story.embargoAt));
    q.addBindValue(story.createdAt.toMSecsSinceEpoch());
    q.addBindValue(story.updatedAt.toMSecsSinceEpoch());
    if (!q.exec()) {
        *error = QStringLiteral("cannot save story: %1").arg(sqlError(q));
        return false;
    }
    story.id = q.lastInsertId().toLongLong();
    if (!TagRepository(mDb).setStoryTags(story.id, story.tags, error)) {
        return false;
    }
    story.tags = TagRepository(mDb).storyTags(story.id);
    return true;
}

bool StoryRepository::writeContent(const Story &story, QString *error)
{
    QSqlQuery q(mDb.connection());
    q.prepare(
        QStringLiteral("UPDATE stories SET headline = ?, dateline_city = ?, dateline_country = ?, "
                       "office_id = ?, byline = ?, summary = ?, body = ?, language = ?, "
                       "embargo_at = ?, updated_at = ? WHERE id = ?"));
    bindContent(q, story);
    q.addBindValue(sqlTime(story.embargoAt));
    q.addBindValue(story.updatedAt.toMSecsSinceEpoch());
    q.addBindValue(story.id);
    if (!q.exec()) {
        *error = QStringLiteral("cannot save story %1: %2").arg(story.id).arg(sqlError(q));
        return false;
    }
    return TagRepository(mDb).setStoryTags(story.id, story.tags, error);
}

bool StoryRepository::writeStatus(qint64 id, StoryStatus status, const QDateTime &at,
                                  QString *error)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE stories SET status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(statusKey(status));
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec()) {
        *error = QStringLiteral("cannot change story %1: %2").arg(id).arg(sqlError(q));
        return false;
    }
    if (q.numRowsAffected() == 0) {
        *error = QStringLiteral("no story with id %1").arg(id);
        return false;
    }
    return true;
}

bool StoryRepository::setDeleted(qint64 id, bool deleted, QString *error)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE stories SET deleted_at = ? WHERE id = ?"));
    q.addBindValue(deleted ? QVariant(QDateTime::currentMSecsSinceEpoch())
                           : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = QStringLiteral("cannot change story %1: %2").arg(id).arg(sqlError(q));
        return false;
    }
    if (q.numRowsAffected() == 0) {
        *error = QStringLiteral("no story with id %1").arg(id);
        return false;
    }
    return true;
}

std::optional<Story> StoryRepository::get(qint64 id, QString *error) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT ") + kStoryColumns +
              QStringLiteral(" FROM stories s LEFT JOIN offices o ON o.id = s.office_id "
                             "WHERE s.id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        if (error) {
            *error = sqlError(q);
        }
        return std::nullopt;
    }
    if (!q.next()) {
        if (error) {
            *error = QStringLiteral("no story with id %1").arg(id);
        }
        return std::nullopt;
    }
    Story s = storyFrom(q);
    s.tags = TagRepository(mDb).storyTags(s.id);
    return s;
}

std::optional<Story> StoryRepository::getByUuid(const QString &uuid) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT id FROM stories WHERE uuid = ?"));
    q.addBindValue(uuid);
    if (q.exec() && q.next()) {
        return get(q.value(0).toLongLong());
    }
    return std::nullopt;
}

QVector<StoryRow> StoryRepository::list(const StoryFilter &filter, int offset, int limit,
                                        bool withTags, QString *error) const
{
    Result<QVector<StoryRow>> rows = StoryQuery(mDb).list(filter, offset, limit, withTags);
    if (!rows && error) {
        *error = legacyRefusalWords(rows.refusal());
    }
    return rows ? *rows : QVector<StoryRow>();
}

int StoryRepository::count(const StoryFilter &filter, QString *error) const
{
    const Result<int> n = StoryQuery(mDb).count(filter);
    if (!n && error) {
        *error = legacyRefusalWords(n.refusal());
    }
    return n ? *n : 0;
}

} // namespace fo
