#pragma once

#include "base/refusal.h"

#include <QDateTime>
#include <QString>
#include <QVector>

namespace fo {

class Database;

/// A newcomer's request to join a library that already has an admin (issue 12 item 1): their
/// name and when they asked. It is not a person: nothing is recorded for it, and it goes when
/// an admin adds the person (JoinRequests::approve) or declines it.
struct JoinRequest
{
    qint64 id = 0;
    QString name;
    QDateTime askedAt; // UTC
};

/// The rows of the `join_requests` table (schema version 5). Who may approve or decline is
/// decided by JoinRequests (workflow/); this class stores what it is given.
class JoinRequestRepository
{
public:
    explicit JoinRequestRepository(Database &db) : mDb(db) {}

    /// Adds a request for `name` (trimmed). Refused with JoinNeedsName, JoinNameTaken (a
    /// person or a request of that name, ignoring case) or a storage refusal.
    Result<JoinRequest> add(const QString &name);
    /// Every waiting request, oldest first; empty on a library without the table (a read-only
    /// library of an older version).
    QVector<JoinRequest> all() const;
    /// The request of that name (ignoring case), if one waits.
    std::optional<JoinRequest> findByName(const QString &name) const;
    /// Removes request `id` (approved or declined).
    Status remove(qint64 id);

private:
    Database &mDb;
};

} // namespace fo
