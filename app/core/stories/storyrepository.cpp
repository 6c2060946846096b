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

Status StoryRepository::insert(Story &story)
{
    if (!story.officeId && !story.officeName.trimmed().isEmpty()) {
        const Result<qint64> office = OfficeRepository(mDb).findOrCreate(
            story.officeName, story.datelineCity, story.datelineCountry);
        if (!office) {
            return office.refusal();
        }
        story.officeId = *office;
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
        return queryRefusal(q, RefusalKind::CannotSaveNewStory);
    }
    story.id = q.lastInsertId().toLongLong();
    if (const Status tagged = TagRepository(mDb).setStoryTags(story.id, story.tags); !tagged) {
        return tagged;
    }
    story.tags = TagRepository(mDb).storyTags(story.id);
    return Status();
}

namespace {

/// A failed write of story `id`, in `kind`'s words ("cannot save story 12: …").
Refusal storyRefusal(const QSqlQuery &q, RefusalKind kind, qint64 id)
{
    Refusal r = queryRefusal(q, kind);
    r.id = id;
    return r;
}

Refusal notFound(qint64 id)
{
    Refusal r(RefusalKind::StoryNotFound);
    r.id = id;
    return r;
}

} // namespace

Status StoryRepository::writeContent(const Story &story)
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
        return storyRefusal(q, RefusalKind::CannotSaveStory, story.id);
    }
    return TagRepository(mDb).setStoryTags(story.id, story.tags);
}

Status StoryRepository::writeStatus(qint64 id, StoryStatus status, const QDateTime &at)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE stories SET status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(statusKey(status));
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec()) {
        return storyRefusal(q, RefusalKind::CannotChangeStory, id);
    }
    if (q.numRowsAffected() == 0) {
        return notFound(id);
    }
    return Status();
}

Status StoryRepository::setDeleted(qint64 id, bool deleted)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE stories SET deleted_at = ? WHERE id = ?"));
    q.addBindValue(deleted ? QVariant(QDateTime::currentMSecsSinceEpoch())
                           : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(id);
    if (!q.exec()) {
        return storyRefusal(q, RefusalKind::CannotChangeStory, id);
    }
    if (q.numRowsAffected() == 0) {
        return notFound(id);
    }
    return Status();
}

Result<Story> StoryRepository::get(qint64 id) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT ") + kStoryColumns +
              QStringLiteral(" FROM stories s LEFT JOIN offices o ON o.id = s.office_id "
                             "WHERE s.id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return queryRefusal(q);
    }
    if (!q.next()) {
        return notFound(id);
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
        if (Result<Story> story = get(q.value(0).toLongLong())) {
            return std::move(*story);
        }
    }
    return std::nullopt;
}

Result<QVector<StoryRow>> StoryRepository::list(const StoryFilter &filter, int offset, int limit,
                                                bool withTags) const
{
    return StoryQuery(mDb).list(filter, offset, limit, withTags);
}

Result<int> StoryRepository::count(const StoryFilter &filter) const
{
    return StoryQuery(mDb).count(filter);
}

} // namespace fo
