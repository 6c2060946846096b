#include "workflow/joinrequests.h"

#include "library/database.h"
#include "library/nestedtransaction.h"
#include "people/personrepository.h"
#include "workflow/workflow.h"

namespace fo {

bool JoinRequests::firstPersonBecomesAdmin() const
{
    return PersonRepository(mDb).countWithRole(Role::Admin) == 0;
}

Result<JoinRequests::Joined> JoinRequests::join(const QString &name)
{
    Joined joined;
    if (!firstPersonBecomesAdmin()) {
        Result<JoinRequest> asked = JoinRequestRepository(mDb).add(name);
        if (!asked) {
            return asked.refusal();
        }
        joined.request = *asked;
        return joined;
    }
    Person person;
    person.name = name.trimmed();
    if (person.name.isEmpty()) {
        return Refusal(RefusalKind::JoinNeedsName);
    }
    if (PersonRepository(mDb).findByName(person.name)) {
        return Refusal(RefusalKind::JoinNameTaken, person.name);
    }
    // The first admin sets the library up: every role, so that nothing waits for another.
    person.roles = Roles(Role::Editor) | Role::Reviewer | Role::Exporter | Role::Admin;
    QString error;
    if (!Workflow(mDb).addPerson(person, Person(), &error)) {
        return Refusal(RefusalKind::StorageFailed, QString(), error);
    }
    joined.person = person;
    return joined;
}

std::optional<Person> JoinRequests::approve(qint64 id, Roles roles, const Person &admin,
                                            QString *error)
{
    if (!admin.isKnown()) {
        *error = QStringLiteral("only an admin can approve a request to join");
        return std::nullopt;
    }
    JoinRequestRepository requests(mDb);
    std::optional<JoinRequest> request;
    for (const JoinRequest &r : requests.all()) {
        if (r.id == id) {
            request = r;
        }
    }
    if (!request) {
        *error = QStringLiteral("the request to join was already approved or declined");
        return std::nullopt;
    }
    NestedTransaction tx(mDb.connection());
    if (!tx.started(error)) {
        return std::nullopt;
    }
    Person person;
    person.name = request->name;
    person.roles = roles;
    if (!Workflow(mDb).addPerson(person, admin, error)) {
        return std::nullopt;
    }
    // The name is taken by the person now: the request goes in the same transaction.
    if (const Status removed = requests.remove(id); !removed) {
        *error = legacyRefusalWords(removed.refusal());
        return std::nullopt;
    }
    if (!tx.commit(error)) {
        return std::nullopt;
    }
    return person;
}

bool JoinRequests::decline(qint64 id, const Person &admin, QString *error)
{
    if (const QString r = Workflow(mDb).peopleRefusal(admin); !r.isEmpty() || !admin.isKnown()) {
        *error = r.isEmpty() ? QStringLiteral("only an admin can decline a request to join") : r;
        return false;
    }
    if (const Status removed = JoinRequestRepository(mDb).remove(id); !removed) {
        *error = legacyRefusalWords(removed.refusal());
        return false;
    }
    return true;
}

} // namespace fo
