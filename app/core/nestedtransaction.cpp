#include "nestedtransaction.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace fo {

NestedTransaction::NestedTransaction(const QSqlDatabase &db) : mDb(db)
{
    // A SAVEPOINT outside a transaction would begin a deferred one, which fails at once with
    // "database is locked" when it first writes while another program writes.
    sqlite3 *handle = sqliteHandle(mDb);
    mOwnsTransaction = handle && sqlite3_get_autocommit(handle) != 0;
    if (mOwnsTransaction) {
        mActive = beginWrite(mDb, &mRefusal);
        return;
    }
    QSqlQuery q(mDb);
    mActive = q.exec(QStringLiteral("SAVEPOINT workflow_write"));
    if (!mActive) {
        mRefusal = writeRefusalReason(mDb, q.lastError());
    }
}

NestedTransaction::~NestedTransaction()
{
    if (mActive) {
        QSqlQuery q(mDb);
        if (mOwnsTransaction) {
            q.exec(QStringLiteral("ROLLBACK"));
        } else {
            q.exec(QStringLiteral("ROLLBACK TO workflow_write"));
            q.exec(QStringLiteral("RELEASE workflow_write"));
        }
    }
}

bool NestedTransaction::started(QString *error) const
{
    if (!mActive && error) {
        *error = QStringLiteral("cannot save: ") + mRefusal;
    }
    return mActive;
}

bool NestedTransaction::commit(QString *error)
{
    if (!mActive) {
        if (error) {
            *error = QStringLiteral("cannot save: ") + mRefusal;
        }
        return false;
    }
    QSqlQuery q(mDb);
    if (!q.exec(mOwnsTransaction ? QStringLiteral("COMMIT")
                                 : QStringLiteral("RELEASE workflow_write"))) {
        mRefusal = writeRefusalReason(mDb, q.lastError());
        if (error) {
            *error = QStringLiteral("cannot save: ") + mRefusal;
        }
        return false; // still active: the destructor rolls back
    }
    mActive = false;
    return true;
}

} // namespace fo
