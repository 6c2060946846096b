#include "library/dataversion.h"

#include "library/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

qint64 libraryDataVersion(const Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next()) {
        return -1;
    }
    return q.value(0).toLongLong();
}

} // namespace fo
