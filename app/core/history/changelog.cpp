#include "history/changelog.h"

#include "base/clock.h"
#include "domain/contenthash.h"
#include "library/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

struct FieldName
{
    ChangedField field;
    const char *key;
};

// In the order a story shows them: the order of every field list people read.
constexpr FieldName kFieldNames[] = {
    {ChangedField::Headline, "headline"}, {ChangedField::Dateline, "dateline"},
    {ChangedField::Office, "office"},     {ChangedField::Byline, "byline"},
    {ChangedField::Summary, "summary"},   {ChangedField::Language, "language"},
    {ChangedField::Embargo, "embargo"},   {ChangedField::Tags, "tags"},
    {ChangedField::Body, "body"},
};

struct KindName
{
    ChangeKind kind;
    const char *key;
};

constexpr KindName kKindNames[] = {
    {ChangeKind::Created, "created"},
    {ChangeKind::Imported, "imported"},
    {ChangeKind::Edited, "edited"},
    {ChangeKind::Merged, "merged"},
    {ChangeKind::Recovered, "recovered"},
    {ChangeKind::StatusChanged, "status-changed"},
    {ChangeKind::Restored, "revision-restored"},
    {ChangeKind::Trashed, "trashed"},
    {ChangeKind::Untrashed, "untrashed"},
    {ChangeKind::Purged, "purged"},
    {ChangeKind::History, "history"},
};

QStringList fieldKeys(ChangedFields fields)
{
    QStringList keys;
    for (const FieldName &f : kFieldNames) {
        if (fields.testFlag(f.field)) {
            keys << QString::fromLatin1(f.key);
        }
    }
    return keys;
}

ChangedFields parseFieldKeys(const QString &text)
{
    ChangedFields fields;
    const QStringList keys = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const FieldName &f : kFieldNames) {
        if (keys.contains(QLatin1String(f.key))) {
            fields |= f.field;
        }
    }
    return fields;
}

QVariant nullableStatus(const std::optional<StoryStatus> &status)
{
    return status ? QVariant(statusKey(*status)) : QVariant(QMetaType(QMetaType::QString));
}

QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

Change changeFrom(const QSqlQuery &q)
{
    Change c;
    c.sequence = q.value(0).toLongLong();
    c.storyId = q.value(1).toLongLong();
    c.storyUuid = q.value(2).toString();
    c.kind = parseChangeKind(q.value(3).toString()).value_or(ChangeKind::Edited);
    if (!q.value(4).isNull()) {
        c.from = parseStatus(q.value(4).toString());
    }
    if (!q.value(5).isNull()) {
        c.to = parseStatus(q.value(5).toString());
    }
    c.fields = parseFieldKeys(q.value(6).toString());
    c.personId = q.value(7).toLongLong();
    c.personName = q.value(8).toString();
    c.revision = q.value(9).toInt();
    c.at = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
    return c;
}

} // namespace

ChangedFields fieldsChanged(const Story &a, const Story &b)
{
    ChangedFields fields;
    fields.setFlag(ChangedField::Headline, a.headline != b.headline);
    fields.setFlag(ChangedField::Dateline,
                   a.datelineCity != b.datelineCity || a.datelineCountry != b.datelineCountry);
    fields.setFlag(ChangedField::Office, a.officeName != b.officeName);
    fields.setFlag(ChangedField::Byline, a.byline != b.byline);
    fields.setFlag(ChangedField::Summary, a.summary != b.summary);
    fields.setFlag(ChangedField::Language, a.language != b.language);
    fields.setFlag(ChangedField::Embargo, a.embargoAt != b.embargoAt);
    fields.setFlag(ChangedField::Tags, canonicalTags(a.tags) != canonicalTags(b.tags));
    fields.setFlag(ChangedField::Body, a.body != b.body);
    return fields;
}

QString fieldsText(ChangedFields fields)
{
    return fields ? fieldKeys(fields).join(QStringLiteral(", ")) : QStringLiteral("nothing");
}

QString changeKindKey(ChangeKind kind)
{
    for (const KindName &k : kKindNames) {
        if (k.kind == kind) {
            return QString::fromLatin1(k.key);
        }
    }
    return QStringLiteral("edited");
}

std::optional<ChangeKind> parseChangeKind(const QString &key)
{
    for (const KindName &k : kKindNames) {
        if (key == QLatin1String(k.key)) {
            return k.kind;
        }
    }
    return std::nullopt;
}

Status ChangeLog::append(Change &change)
{
    if (!change.at.isValid()) {
        change.at = Clock::now();
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO change_log (story_id, story_uuid, kind, from_status, to_status, fields, "
        "person_id, person_name, revision, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(change.storyId);
    q.addBindValue(notNull(change.storyUuid));
    q.addBindValue(changeKindKey(change.kind));
    q.addBindValue(nullableStatus(change.from));
    q.addBindValue(nullableStatus(change.to));
    q.addBindValue(notNull(fieldKeys(change.fields).join(QLatin1Char(','))));
    q.addBindValue(nullableId(change.personId));
    q.addBindValue(notNull(change.personName));
    q.addBindValue(change.revision ? QVariant(change.revision)
                                   : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(change.at.toMSecsSinceEpoch());
    if (!q.exec()) {
        return Refusal(RefusalKind::StorageFailed, QString(), sqlError(q));
    }
    change.sequence = q.lastInsertId().toLongLong();
    return Status();
}

Result<QVector<Change>> ChangeLog::since(qint64 sequence, int limit) const
{
    QVector<Change> changes;
    if (mDb.schemaVersion() < 4) {
        return changes; // a read-only library from before the log: nothing was logged
    }
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, story_id, story_uuid, kind, from_status, to_status, "
                             "fields, person_id, person_name, revision, at FROM change_log "
                             "WHERE seq > ? ORDER BY seq LIMIT ?"));
    q.addBindValue(sequence);
    q.addBindValue(limit);
    if (!q.exec()) {
        return Refusal(RefusalKind::StorageFailed, QString(), sqlError(q));
    }
    while (q.next()) {
        changes.append(changeFrom(q));
    }
    return changes;
}

qint64 ChangeLog::lastSequence() const
{
    QSqlQuery q(mDb.connection());
    if (mDb.schemaVersion() < 4 || !q.exec(QStringLiteral("SELECT max(seq) FROM change_log")) ||
        !q.next()) {
        return 0;
    }
    return q.value(0).toLongLong();
}

} // namespace fo
