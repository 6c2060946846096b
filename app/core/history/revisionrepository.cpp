#include "history/revisionrepository.h"

#include "base/clock.h"
#include "domain/contenthash.h"
#include "library/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

struct KindName
{
    RevisionKind kind;
    const char *key;
};

constexpr KindName kKindNames[] = {
    {RevisionKind::Created, "created"}, {RevisionKind::Baseline, "baseline"},
    {RevisionKind::Edit, "edit"},       {RevisionKind::State, "state"},
    {RevisionKind::Restore, "restore"},
};

const QString kColumns = QStringLiteral(
    "id, story_id, number, kind, status, person_id, person_name, created_at, updated_at, "
    "content_hash, note, snapshot");

QString isoOrEmpty(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QString &text)
{
    if (text.isEmpty()) {
        return {};
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.toUTC();
}

QDateTime fromMs(const QVariant &v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

Revision revisionFrom(const QSqlQuery &q, bool withSnapshot)
{
    Revision r;
    r.id = q.value(0).toLongLong();
    r.storyId = q.value(1).toLongLong();
    r.number = q.value(2).toInt();
    r.kind = parseRevisionKind(q.value(3).toString()).value_or(RevisionKind::Edit);
    r.status = parseStatus(q.value(4).toString()).value_or(StoryStatus::Draft);
    r.personId = q.value(5).toLongLong();
    r.personName = q.value(6).toString();
    r.createdAt = fromMs(q.value(7));
    r.updatedAt = fromMs(q.value(8));
    r.contentHash = q.value(9).toString().toLatin1();
    r.note = q.value(10).toString();
    if (withSnapshot) {
        r.story =
            storyFromSnapshot(QJsonDocument::fromJson(q.value(11).toString().toUtf8()).object());
    }
    return r;
}

QString snapshotText(const Story &story)
{
    return QString::fromUtf8(QJsonDocument(storySnapshot(story)).toJson(QJsonDocument::Compact));
}

} // namespace

QString revisionKindKey(RevisionKind kind)
{
    for (const auto &n : kKindNames) {
        if (n.kind == kind) {
            return QString::fromLatin1(n.key);
        }
    }
    return QStringLiteral("edit");
}

std::optional<RevisionKind> parseRevisionKind(const QString &key)
{
    for (const auto &n : kKindNames) {
        if (key == QLatin1String(n.key)) {
            return n.kind;
        }
    }
    return std::nullopt;
}

QJsonObject storySnapshot(const Story &s)
{
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("uuid"), s.uuid},
        {QStringLiteral("headline"), s.headline},
        {QStringLiteral("datelineCity"), s.datelineCity},
        {QStringLiteral("datelineCountry"), s.datelineCountry},
        {QStringLiteral("office"), s.officeName},
        {QStringLiteral("byline"), s.byline},
        {QStringLiteral("summary"), s.summary},
        {QStringLiteral("body"), s.body},
        {QStringLiteral("language"), s.language},
        {QStringLiteral("status"), statusKey(s.status)},
        {QStringLiteral("embargoAt"), isoOrEmpty(s.embargoAt)},
        {QStringLiteral("createdAt"), isoOrEmpty(s.createdAt)},
        {QStringLiteral("updatedAt"), isoOrEmpty(s.updatedAt)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(s.tags)},
    };
}

Story storyFromSnapshot(const QJsonObject &o)
{
    Story s;
    s.id = o.value(QStringLiteral("id")).toVariant().toLongLong();
    s.uuid = o.value(QStringLiteral("uuid")).toString();
    s.headline = o.value(QStringLiteral("headline")).toString();
    s.datelineCity = o.value(QStringLiteral("datelineCity")).toString();
    s.datelineCountry = o.value(QStringLiteral("datelineCountry")).toString();
    s.officeName = o.value(QStringLiteral("office")).toString();
    s.byline = o.value(QStringLiteral("byline")).toString();
    s.summary = o.value(QStringLiteral("summary")).toString();
    s.body = o.value(QStringLiteral("body")).toString();
    s.language = o.value(QStringLiteral("language")).toString();
    s.status =
        parseStatus(o.value(QStringLiteral("status")).toString()).value_or(StoryStatus::Draft);
    s.embargoAt = fromIso(o.value(QStringLiteral("embargoAt")).toString());
    s.createdAt = fromIso(o.value(QStringLiteral("createdAt")).toString());
    s.updatedAt = fromIso(o.value(QStringLiteral("updatedAt")).toString());
    const QJsonArray tags = o.value(QStringLiteral("tags")).toArray();
    for (const QJsonValue &t : tags) {
        s.tags << t.toString();
    }
    return s;
}

Result<Revision> RevisionRepository::record(const Story &story, RevisionKind kind,
                                            const Person &actor, const QString &note,
                                            bool *coalesced, const QDateTime &at, bool mayCoalesce,
                                            const QByteArray &knownHash)
{
    const QByteArray hash = knownHash.isEmpty() ? contentHash(story) : knownHash;
    if (coalesced) {
        *coalesced = false;
    }
    const QDateTime now = at.isValid() ? at.toUTC() : Clock::now();
    // Every autosave passes here: the latest revision's metadata is enough, not its snapshot.
    const Result<std::optional<Revision>> latestRead =
        fetch(QStringLiteral("story_id = ? ORDER BY number DESC LIMIT 1"), {story.id}, false);
    if (!latestRead) {
        return latestRead.refusal();
    }
    const std::optional<Revision> &last = *latestRead;
    QSqlQuery q(mDb.connection());
    if (mayCoalesce && kind == RevisionKind::Edit && last && last->kind == RevisionKind::Edit &&
        last->personId == actor.id && last->status == story.status && last->createdAt <= now &&
        last->createdAt.msecsTo(now) < qint64(kEditSessionMinutes) * 60 * 1000) {
        q.prepare(QStringLiteral("UPDATE revisions SET status = ?, updated_at = ?, "
                                 "content_hash = ?, snapshot = ? WHERE id = ?"));
        q.addBindValue(statusKey(story.status));
        q.addBindValue(now.toMSecsSinceEpoch());
        q.addBindValue(QString::fromLatin1(hash));
        q.addBindValue(snapshotText(story));
        q.addBindValue(last->id);
        if (!q.exec()) {
            return queryRefusal(q, RefusalKind::CannotSaveRevision);
        }
        if (coalesced) {
            *coalesced = true;
        }
        Revision r = *last;
        r.status = story.status;
        r.updatedAt = now;
        r.contentHash = hash;
        r.story = story;
        return r;
    }
    q.prepare(QStringLiteral(
        "INSERT INTO revisions (story_id, number, kind, status, person_id, person_name, "
        "created_at, updated_at, content_hash, snapshot, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(story.id);
    q.addBindValue(last ? last->number + 1 : 1);
    q.addBindValue(revisionKindKey(kind));
    q.addBindValue(statusKey(story.status));
    q.addBindValue(actor.isKnown() ? QVariant(actor.id) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(notNull(actor.name));
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(QString::fromLatin1(hash));
    q.addBindValue(snapshotText(story));
    q.addBindValue(notNull(note));
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotSaveRevision);
    }
    // The revision as written: reading it back would only parse the snapshot just made.
    Revision r;
    r.id = q.lastInsertId().toLongLong();
    r.storyId = story.id;
    r.number = last ? last->number + 1 : 1;
    r.kind = kind;
    r.status = story.status;
    r.personId = actor.isKnown() ? actor.id : 0;
    r.personName = actor.name;
    r.createdAt = now;
    r.updatedAt = now;
    r.contentHash = hash;
    r.note = note;
    r.story = story;
    return r;
}

Status RevisionRepository::ensureBaseline(const Story &story)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM revisions WHERE story_id = ? LIMIT 1"));
    q.addBindValue(story.id);
    if (!q.exec()) {
        return queryRefusal(q);
    }
    if (q.next()) {
        return Status();
    }
    const QDateTime at = story.updatedAt.isValid() ? story.updatedAt : Clock::now();
    q.prepare(QStringLiteral(
        "INSERT INTO revisions (story_id, number, kind, status, person_id, person_name, "
        "created_at, updated_at, content_hash, snapshot, note) "
        "VALUES (?, 1, 'baseline', ?, NULL, '', ?, ?, ?, ?, ?)"));
    q.addBindValue(story.id);
    q.addBindValue(statusKey(story.status));
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(QString::fromLatin1(contentHash(story)));
    q.addBindValue(snapshotText(story));
    q.addBindValue(QStringLiteral("as it was when its history began"));
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotSaveRevision);
    }
    return Status();
}

Result<QVector<Revision>> RevisionRepository::forStory(qint64 storyId, bool withSnapshots) const
{
    QVector<Revision> out;
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns +
              QStringLiteral(" FROM revisions WHERE story_id = ? ORDER BY number DESC"));
    q.addBindValue(storyId);
    if (!q.exec()) {
        return queryRefusal(q);
    }
    while (q.next()) {
        out.append(revisionFrom(q, withSnapshots));
    }
    return out;
}

Result<std::optional<Revision>>
RevisionRepository::fetch(const QString &where, const QVariantList &values, bool withSnapshot) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM revisions WHERE ") +
              where);
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return queryRefusal(q);
    }
    if (!q.next()) {
        return std::optional<Revision>();
    }
    return std::optional<Revision>(revisionFrom(q, withSnapshot));
}

Result<Revision> RevisionRepository::get(qint64 storyId, int number) const
{
    const Result<std::optional<Revision>> r =
        fetch(QStringLiteral("story_id = ? AND number = ?"), {storyId, number}, true);
    if (!r) {
        return r.refusal();
    }
    if (!*r) {
        Refusal none(RefusalKind::RevisionNotFound);
        none.id = storyId;
        none.number = number;
        return none;
    }
    return **r;
}

Result<Revision> RevisionRepository::byId(qint64 revisionId) const
{
    const Result<std::optional<Revision>> r = fetch(QStringLiteral("id = ?"), {revisionId}, true);
    if (!r) {
        return r.refusal();
    }
    if (!*r) {
        Refusal none(RefusalKind::RevisionIdNotFound);
        none.id = revisionId;
        return none;
    }
    return **r;
}

std::optional<Revision> RevisionRepository::latest(qint64 storyId) const
{
    const Result<std::optional<Revision>> r =
        fetch(QStringLiteral("story_id = ? ORDER BY number DESC LIMIT 1"), {storyId}, true);
    return r ? *r : std::nullopt;
}

} // namespace fo
