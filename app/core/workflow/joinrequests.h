#pragma once

#include "base/refusal.h"
#include "domain/person.h"
#include "people/joinrequestrepository.h"

#include <QString>

namespace fo {

class Database;

/// How a newcomer joins a library (issue 12 item 1). On a library without an admin the first
/// person to join becomes its admin, with every role, so that they can add the others; on a
/// library with an admin a newcomer asks, and an admin approves the request with the roles
/// they choose (or declines it). Nothing is written for nobody: asking records no change to
/// any story, and an approval is recorded as the admin's.
class JoinRequests
{
public:
    explicit JoinRequests(Database &db) : mDb(db) {}

    /// What join() did: `person` is set when the newcomer was added (the first admin),
    /// `request` when they asked and wait for an admin.
    struct Joined
    {
        std::optional<Person> person;
        std::optional<JoinRequest> request;
    };
    /// The newcomer `name` joins: as the first admin, or by asking.
    Result<Joined> join(const QString &name);
    /// True when the library has no active admin yet: join() would add the admin.
    bool firstPersonBecomesAdmin() const;

    /// Adds the person of request `id` with `roles`, as `admin`, and removes the request, in
    /// one transaction. Refused when `admin` may not change people (Workflow::peopleRefusal,
    /// as WorkflowRefused) or the request is gone.
    Result<Person> approve(qint64 id, Roles roles, const Person &admin);
    /// Removes request `id`, as `admin`.
    Status decline(qint64 id, const Person &admin);

private:
    Database &mDb;
};

} // namespace fo
