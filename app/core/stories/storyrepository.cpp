#include "stories/storyrepository.h"

#include "base/clock.h"
#include "domain/contenthash.h"
#include "library/database.h"
#include "library/nestedtransaction.h"
#include "library/officerepository.h"
#include "history/revisionrepository.h"
#include "domain/storylimits.h"
#include "search/storyquery.h"
#include "library/tagrepository.h"
#include "workflow/workflow.h"

#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace fo {

namespace {

QVariant officeValue(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

/// States that carry an approval of an exact version.
bool approvedState(StoryStatus status)
{
    return status == StoryStatus::Approved || status == StoryStatus::Released;
}

/// Writes the state alone; history and audit are the caller's business.
bool writeStatus(Database &db, qint64 id, StoryStatus status, QString *error)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("UPDATE stories SET status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(statusKey(status));
    q.addBindValue(Clock::now().toMSecsSinceEpoch());
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

bool sameContent(const Story &a, const Story &b)
{
    return a.headline == b.headline && a.datelineCity == b.datelineCity &&
           a.datelineCountry == b.datelineCountry && a.officeId == b.officeId &&
           a.byline == b.byline && a.summary == b.summary && a.body == b.body &&
           a.language == b.language && a.status == b.status && a.embargoAt == b.embargoAt &&
           a.tags == b.tags;
}

} // namespace

bool StoryRepository::create(Story &story, const Person &actor, QString *error)
{
    NestedTransaction sp(mDb.connection());
    if (!sp.started(error)) {
        return false;
    }
    if (!create(story, error)) {
        return false;
    }
    const std::optional<Story> stored = get(story.id, error);
    if (!stored || !StoryHistory(mDb).recordCreated(*stored, actor, error)) {
        return false;
    }
    return sp.commit(error);
}

bool StoryRepository::create(Story &story, QString *error)
{
    if (!withinStoryLimits(story, error)) {
        return false;
    }
    NestedTransaction sp(mDb.connection());
    if (!sp.started(error)) {
        return false;
    }
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
    q.addBindValue(notNull(story.headline));
    q.addBindValue(notNull(story.datelineCity));
    q.addBindValue(notNull(story.datelineCountry));
    q.addBindValue(officeValue(story.officeId));
    q.addBindValue(notNull(story.byline));
    q.addBindValue(notNull(story.summary));
    q.addBindValue(notNull(story.body));
    q.addBindValue(story.language.isEmpty() ? QStringLiteral("en") : story.language);
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
    return sp.commit(error);
}

bool StoryRepository::update(const Story &input, QString *error)
{
    return update(input, ChangeContext(), error);
}

bool StoryRepository::update(const Story &input, const Person &actor, QString *error)
{
    ChangeContext context;
    context.actor = actor;
    return update(input, context, error);
}

bool StoryRepository::update(const Story &input, const ChangeContext &context, QString *error)
{
    if (!withinStoryLimits(input, error)) {
        return false;
    }
    NestedTransaction sp(mDb.connection());
    if (!sp.started(error)) {
        return false;
    }
    const std::optional<Story> current = get(input.id, error);
    if (!current) {
        return false;
    }
    if (context.actor.isKnown()) {
        if (const QString refusal = Workflow::editRefusal(current->status, context.actor);
            !refusal.isEmpty()) {
            *error = refusal;
            return false;
        }
    }
    Story story = input;
    story.status = current->status;
    if (!story.officeName.trimmed().isEmpty()) {
        if (story.officeName.compare(current->officeName, Qt::CaseInsensitive) != 0 ||
            !story.officeId) {
            story.officeId = OfficeRepository(mDb).findOrCreate(
                story.officeName, story.datelineCity, story.datelineCountry, error);
            if (!story.officeId) {
                return false;
            }
        }
    } else {
        story.officeId = 0;
    }
    // Compare tags in their stored form (category order, canonical spelling).
    QStringList tags;
    for (const QString &t : story.tags) {
        if (!t.trimmed().isEmpty()) {
            tags << TagLabel::parse(t).toString();
        }
    }
    Story normalised = story;
    normalised.tags = tags;
    Story stored = *current;
    std::sort(normalised.tags.begin(), normalised.tags.end());
    std::sort(stored.tags.begin(), stored.tags.end());
    if (sameContent(normalised, stored)) {
        return sp.commit(error);
    }
    // The story as it was becomes revision 1 when its history starts with this change.
    if (!RevisionRepository(mDb).ensureBaseline(*current, error)) {
        return false;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(
        QStringLiteral("UPDATE stories SET headline = ?, dateline_city = ?, dateline_country = ?, "
                       "office_id = ?, byline = ?, summary = ?, body = ?, language = ?, "
                       "embargo_at = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(notNull(story.headline));
    q.addBindValue(notNull(story.datelineCity));
    q.addBindValue(notNull(story.datelineCountry));
    q.addBindValue(officeValue(story.officeId));
    q.addBindValue(notNull(story.byline));
    q.addBindValue(notNull(story.summary));
    q.addBindValue(notNull(story.body));
    q.addBindValue(story.language.isEmpty() ? QStringLiteral("en") : story.language);
    q.addBindValue(sqlTime(story.embargoAt));
    q.addBindValue(Clock::now().toMSecsSinceEpoch());
    q.addBindValue(story.id);
    if (!q.exec()) {
        *error = QStringLiteral("cannot save story %1: %2").arg(story.id).arg(sqlError(q));
        return false;
    }
    if (!TagRepository(mDb).setStoryTags(story.id, tags, error)) {
        return false;
    }
    std::optional<Story> after = get(story.id, error);
    if (!after) {
        return false;
    }
    // An approval is for one exact version: a change to anything an export shows ends it,
    // whoever makes it and however (autosave, restore, import), because it happens here.
    const bool approvalLost =
        approvedState(current->status) && contentHash(*after) != contentHash(*current);
    if (approvalLost) {
        if (!writeStatus(mDb, story.id, StoryStatus::Draft, error)) {
            return false;
        }
        after->status = StoryStatus::Draft;
    }
    if (!StoryHistory(mDb).recordEdit(*current, *after, context, approvalLost, error)) {
        return false;
    }
    return sp.commit(error);
}

bool StoryRepository::update(const Story &base, const Story &mine, const ChangeContext &context,
                             SaveResult *result, QString *error)
{
    NestedTransaction sp(mDb.connection());
    if (!sp.started(error)) {
        return false;
    }
    // Read inside the write transaction: nobody can change the story between this and the write.
    const std::optional<Story> current = get(mine.id, error);
    if (!current) {
        return false;
    }
    *result = SaveResult();
    Story input = mine;
    ChangeContext merging = context;
    if (!sameEditableContent(base, *current)) {
        result->merged = true;
        result->merge = mergeStory(base, mine, *current);
        input = result->merge.merged;
        merging.separateRevision = true;
        if (const std::optional<Revision> theirs = RevisionRepository(mDb).latest(mine.id)) {
            result->theirRevision = theirs->number;
            result->theirPerson = theirs->personName;
        }
    }
    if (!update(input, merging, error)) {
        return false;
    }
    const std::optional<Story> stored = get(mine.id, error);
    if (!stored) {
        return false;
    }
    result->stored = *stored;
    return sp.commit(error);
}

bool StoryRepository::setStatus(qint64 id, StoryStatus status, QString *error)
{
    ChangeContext context;
    context.action = AuditAction::StatusChanged;
    return setStatus(id, status, context, error);
}

bool StoryRepository::setStatus(qint64 id, StoryStatus status, const ChangeContext &context,
                                QString *error)
{
    NestedTransaction sp(mDb.connection());
    if (!sp.started(error)) {
        return false;
    }
    const std::optional<Story> before = get(id, error);
    if (!before) {
        return false;
    }
    if (before->status != status && !RevisionRepository(mDb).ensureBaseline(*before, error)) {
        return false;
    }
    if (!writeStatus(mDb, id, status, error)) {
        return false;
    }
    if (before->status != status) {
        std::optional<Story> after = get(id, error);
        if (!after || !StoryHistory(mDb).recordStateChange(*before, *after, context, error)) {
            return false;
        }
    }
    return sp.commit(error);
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
