#include "library/nestedtransaction.h"

#include "library/database.h"

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
        const Status begun = beginWrite(mDb);
        mActive = begun.ok();
        if (!mActive) {
            mWhy = begun.refusal();
        }
        return;
    }
    QSqlQuery q(mDb);
    mActive = q.exec(QStringLiteral("SAVEPOINT workflow_write"));
    if (!mActive) {
        mWhy = writeRefusalOf(mDb, q.lastError());
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

Status NestedTransaction::finish()
{
    if (!mActive) {
        return mWhy;
    }
    QSqlQuery q(mDb);
    if (!q.exec(mOwnsTransaction ? QStringLiteral("COMMIT")
                                 : QStringLiteral("RELEASE workflow_write"))) {
        mWhy = writeRefusalOf(mDb, q.lastError());
        return mWhy; // still active: the destructor rolls back
    }
    mActive = false;
    return Status();
}

} // namespace fo
