#include "nestedtransaction.h"

#include "database.h"

#include <QSqlQuery>

namespace fo {

NestedTransaction::NestedTransaction(const QSqlDatabase &db) : mDb(db)
{
    QSqlQuery q(mDb);
    mActive = q.exec(QStringLiteral("SAVEPOINT workflow_write"));
}

NestedTransaction::~NestedTransaction()
{
    if (mActive) {
        QSqlQuery q(mDb);
        q.exec(QStringLiteral("ROLLBACK TO workflow_write"));
        q.exec(QStringLiteral("RELEASE workflow_write"));
    }
}

bool NestedTransaction::commit(QString *error)
{
    if (!mActive) {
        return false;
    }
    QSqlQuery q(mDb);
    if (!q.exec(QStringLiteral("RELEASE workflow_write"))) {
        if (error) {
            *error = QStringLiteral("cannot save: %1").arg(sqlError(q));
        }
        return false;
    }
    mActive = false;
    return true;
}

} // namespace fo
