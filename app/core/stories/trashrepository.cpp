#include "stories/trashrepository.h"

#include "library/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

int TrashRepository::count(QString *error) const
{
    QSqlQuery q(mDb.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM stories WHERE deleted_at IS NOT NULL")) ||
        !q.next()) {
        if (error) {
            *error = sqlError(q);
        }
        return -1;
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

QVector<TrashedStory> TrashRepository::all(QString *error) const
{
    QVector<TrashedStory> stories;
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT id, headline, uuid FROM stories WHERE deleted_at IS NOT NULL "
                           "ORDER BY deleted_at, id"))) {
        if (error) {
            *error = sqlError(q);
        }
        return stories;
    }
    while (q.next()) {
        stories.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    return stories;
}

int TrashRepository::deleteAll(QString *error)
{
    QSqlQuery q(mDb.connection());
    if (!q.exec(QStringLiteral("DELETE FROM stories WHERE deleted_at IS NOT NULL"))) {
        *error = QStringLiteral("cannot empty the Trash: %1").arg(sqlError(q));
        return -1;
    }
    return q.numRowsAffected();
}

} // namespace fo
