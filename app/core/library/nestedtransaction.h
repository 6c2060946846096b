#pragma once

#include "base/refusal.h"

#include <QSqlDatabase>
#include <QString>

namespace fo {

/// A write that rolls back unless committed (RAII), and nests. Without a caller's transaction it
/// starts one with BEGIN IMMEDIATE, so that a contended write waits for the busy timeout instead
/// of failing (GUIDE › Storage); inside one it is a SAVEPOINT, a part of the caller's. The
/// workflow and the repositories use it because their callers (the demo, the importer, a
/// packet) may already hold a transaction.
class NestedTransaction
{
public:
    explicit NestedTransaction(const QSqlDatabase &db);
    ~NestedTransaction();
    NestedTransaction(const NestedTransaction &) = delete;
    NestedTransaction &operator=(const NestedTransaction &) = delete;

    bool isActive() const { return mActive; }
    /// Done when the write began; otherwise why not (LibraryBusy, LibraryReadOnly, …): the one
    /// check every writer makes before it writes.
    Status begun() const { return mActive ? Status() : Status(mWhy); }
    /// Commits (or releases the savepoint); on failure says why.
    Status finish();

private:
    QSqlDatabase mDb;
    bool mActive = false;
    bool mOwnsTransaction = false; // BEGIN IMMEDIATE … COMMIT rather than a SAVEPOINT
    Refusal mWhy;                  // why it did not start or commit
};

} // namespace fo
