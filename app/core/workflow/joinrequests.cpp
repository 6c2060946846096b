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
    if (const Status added = Workflow(mDb).addPerson(person, Person()); !added) {
        return added.refusal();
    }
    joined.person = person;
    return joined;
}

namespace {

// The workflow's own sentences, worded as they are (refusalText gives WorkflowRefused's detail).
Refusal joinRefusal(const QString &sentence)
{
    return Refusal(RefusalKind::WorkflowRefused, QString(), sentence);
}

} // namespace

Result<Person> JoinRequests::approve(qint64 id, Roles roles, const Person &admin)
{
    if (!admin.isKnown()) {
        return joinRefusal(QStringLiteral("only an admin can approve a request to join"));
    }
    JoinRequestRepository requests(mDb);
    std::optional<JoinRequest> request;
    for (const JoinRequest &r : requests.all()) {
        if (r.id == id) {
            request = r;
        }
    }
    if (!request) {
        return joinRefusal(QStringLiteral("the request to join was already approved or declined"));
    }
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun.refusal();
    }
    Person person;
    person.name = request->name;
    person.roles = roles;
    if (const Status added = Workflow(mDb).addPerson(person, admin); !added) {
        return added.refusal();
    }
    // The name is taken by the person now: the request goes in the same transaction.
    if (const Status removed = requests.remove(id); !removed) {
        return removed.refusal();
    }
    if (const Status done = tx.finish(); !done) {
        return done.refusal();
    }
    return person;
}

Status JoinRequests::decline(qint64 id, const Person &admin)
{
    if (const QString r = Workflow(mDb).peopleRefusal(admin); !r.isEmpty() || !admin.isKnown()) {
        return joinRefusal(
            r.isEmpty() ? QStringLiteral("only an admin can decline a request to join") : r);
    }
    return JoinRequestRepository(mDb).remove(id);
}

} // namespace fo
