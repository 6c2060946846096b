#include "library/writestop.h"

#include "library/database.h"

#include <QSqlQuery>

namespace fo {

Status setWritesStopped(Database &db, bool stopped)
{
    QSqlQuery q(db.connection());
    if (!q.exec(stopped ? QStringLiteral("PRAGMA query_only = ON")
                        : QStringLiteral("PRAGMA query_only = OFF"))) {
        return queryRefusal(q);
    }
    return Status();
}

} // namespace fo
