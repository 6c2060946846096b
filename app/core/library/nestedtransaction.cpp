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
            mRefusal = legacyReasonWords(mWhy);
        }
        return;
    }
    QSqlQuery q(mDb);
    mActive = q.exec(QStringLiteral("SAVEPOINT workflow_write"));
    if (!mActive) {
        mWhy = writeRefusalOf(mDb, q.lastError());
        mRefusal = legacyReasonWords(mWhy);
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

Status NestedTransaction::finish()
{
    if (!mActive) {
        return mWhy;
    }
    QSqlQuery q(mDb);
    if (!q.exec(mOwnsTransaction ? QStringLiteral("COMMIT")
                                 : QStringLiteral("RELEASE workflow_write"))) {
        mWhy = writeRefusalOf(mDb, q.lastError());
        mRefusal = legacyReasonWords(mWhy);
        return mWhy; // still active: the destructor rolls back
    }
    mActive = false;
    return Status();
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
        mWhy = writeRefusalOf(mDb, q.lastError());
        mRefusal = legacyReasonWords(mWhy);
        if (error) {
            *error = QStringLiteral("cannot save: ") + mRefusal;
        }
        return false; // still active: the destructor rolls back
    }
    mActive = false;
    return true;
}

} // namespace fo
