#include "stories/trashrepository.h"

#include "library/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

Result<int> TrashRepository::count() const
{
    QSqlQuery q(mDb.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM stories WHERE deleted_at IS NOT NULL")) ||
        !q.next()) {
        return queryRefusal(q);
    }
    return q.value(0).toInt();
}

bool TrashRepository::hasStories() const
{
    QSqlQuery q(mDb.connection());
    return q.exec(QStringLiteral(
               "SELECT EXISTS (SELECT 1 FROM stories WHERE deleted_at IS NOT NULL)")) &&
           q.next() && q.value(0).toBool();
}

bool TrashRepository::contains(qint64 storyId) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT deleted_at IS NOT NULL FROM stories WHERE id = ?"));
    q.addBindValue(storyId);
    return q.exec() && q.next() && q.value(0).toBool();
}

Result<QVector<TrashedStory>> TrashRepository::all() const
{
    QVector<TrashedStory> stories;
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT id, headline, uuid FROM stories WHERE deleted_at IS NOT NULL "
                           "ORDER BY deleted_at, id"))) {
        return queryRefusal(q);
    }
    while (q.next()) {
        stories.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    return stories;
}

Result<int> TrashRepository::deleteAll()
{
    QSqlQuery q(mDb.connection());
    if (!q.exec(QStringLiteral("DELETE FROM stories WHERE deleted_at IS NOT NULL"))) {
        return queryRefusal(q, RefusalKind::CannotEmptyTrash);
    }
    return q.numRowsAffected();
}

} // namespace fo
