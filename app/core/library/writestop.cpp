#include "library/writestop.h"

#include "library/database.h"

#include <QSqlQuery>

namespace fo {

bool setWritesStopped(Database &db, bool stopped, QString *error)
{
    QSqlQuery q(db.connection());
    if (!q.exec(stopped ? QStringLiteral("PRAGMA query_only = ON")
                        : QStringLiteral("PRAGMA query_only = OFF"))) {
        if (error) {
            *error = sqlError(q);
        }
        return false;
    }
    return true;
}

} // namespace fo
