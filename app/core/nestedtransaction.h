#pragma once

#include <QSqlDatabase>
#include <QString>

namespace fo {

/// A SAVEPOINT that rolls back unless released (RAII). Unlike Transaction it nests: inside a
/// caller's transaction it is a part of it, and without one it acts as a transaction. The
/// workflow uses it because its callers (the demo, the importer, a packet) may already hold one.
class NestedTransaction
{
public:
    explicit NestedTransaction(const QSqlDatabase &db);
    ~NestedTransaction();
    NestedTransaction(const NestedTransaction &) = delete;
    NestedTransaction &operator=(const NestedTransaction &) = delete;

    bool isActive() const { return mActive; }
    bool commit(QString *error);

private:
    QSqlDatabase mDb;
    bool mActive = false;
};

} // namespace fo
