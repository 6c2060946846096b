#include "workflow/workflow.h"

#include "library/auditlog.h"
#include "library/database.h"
#include "people/personrepository.h"

namespace fo {

namespace {

struct ActionName
{
    WorkflowAction action;
    const char *key;
    const char *label;
    const char *verb;       // "request changes"
    const char *gerund;     // "requesting changes"
    const char *participle; // "sent back with changes requested"
    AuditAction audit;
};

constexpr ActionName kActionNames[] = {
    {WorkflowAction::Submit, "submit", "Submit for review", "submit", "submitting", "submitted",
     AuditAction::Submitted},
    {WorkflowAction::RequestChanges, "request-changes", "Request changes", "request changes",
     "requesting changes", "sent back with changes requested", AuditAction::ChangesRequested},
    {WorkflowAction::Approve, "approve", "Approve", "approve", "approving", "approved",
     AuditAction::Approved},
    {WorkflowAction::Release, "release", "Release", "release", "releasing", "released",
     AuditAction::Released},
    {WorkflowAction::Archive, "archive", "Archive", "archive", "archiving", "archived",
     AuditAction::Archived},
    {WorkflowAction::Reopen, "reopen", "Reopen", "reopen", "reopening", "reopened",
     AuditAction::Reopened},
};

const ActionName &nameOf(WorkflowAction action)
{
    for (const auto &n : kActionNames) {
        if (n.action == action) {
            return n;
        }
    }
    return kActionNames[0];
}

constexpr Roles kEditRoles = Roles(Role::Editor) | Role::Reviewer;

/// "the reviewer or exporter role"
QString rolesPhrase(Roles roles)
{
    QStringList names;
    for (const Role r : allRoles()) {
        if (roles.testFlag(r)) {
            names << roleKey(r);
        }
    }
    if (names.size() > 1) {
        const QString last = names.takeLast();
        return QStringLiteral("the %1 or %2 role").arg(names.join(QStringLiteral(", ")), last);
    }
    return QStringLiteral("the %1 role").arg(names.value(0));
}

/// "Draft or Changes requested"
QString statesPhrase(const QVector<StoryStatus> &states)
{
    QStringList labels;
    for (const StoryStatus s : states) {
        labels << statusLabel(s);
    }
    if (labels.size() > 1) {
        const QString last = labels.takeLast();
        return labels.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
    }
    return labels.value(0);
}

QString actorRefusal(const Person &actor)
{
    if (!actor.isKnown()) {
        return QStringLiteral("say who you are first: every action is recorded with a person");
    }
    if (!actor.active) {
        return QStringLiteral("%1 is no longer active in this library").arg(actor.name);
    }
    return QString();
}

} // namespace

QString actionKey(WorkflowAction action)
{
    return QString::fromLatin1(nameOf(action).key);
}

QString actionLabel(WorkflowAction action)
{
    return QString::fromLatin1(nameOf(action).label);
}

QVector<WorkflowAction> allActions()
{
    QVector<WorkflowAction> all;
    for (const auto &n : kActionNames) {
        all.append(n.action);
    }
    return all;
}

AuditAction actionAuditAction(WorkflowAction action)
{
    return nameOf(action).audit;
}

std::optional<StoryStatus> transitionTarget(StoryStatus from, WorkflowAction action)
{
    for (const Transition &t : transitions()) {
        if (t.from == from && t.action == action) {
            return t.to;
        }
    }
    return std::nullopt;
}

const QVector<Transition> &transitions()
{
    using S = StoryStatus;
    using A = WorkflowAction;
    static const Roles editor(Role::Editor);
    static const Roles reviewer(Role::Reviewer);
    static const Roles releasers = Roles(Role::Reviewer) | Role::Exporter;
    static const Roles archivers = Roles(Role::Editor) | Role::Reviewer | Role::Admin;
    static const Roles reopeners = Roles(Role::Editor) | Role::Admin;
    static const QVector<Transition> table = {
        {S::Draft, A::Submit, S::InReview, editor},
        {S::ChangesRequested, A::Submit, S::InReview, editor},
        {S::InReview, A::RequestChanges, S::ChangesRequested, reviewer},
        {S::InReview, A::Approve, S::Approved, reviewer},
        {S::Approved, A::Release, S::Released, releasers},
        {S::Draft, A::Archive, S::Archived, archivers},
        {S::InReview, A::Archive, S::Archived, archivers},
        {S::ChangesRequested, A::Archive, S::Archived, archivers},
        {S::Approved, A::Archive, S::Archived, archivers},
        {S::Released, A::Archive, S::Archived, archivers},
        {S::Archived, A::Reopen, S::Draft, reopeners},
    };
    return table;
}

QString Workflow::refusal(StoryStatus status, WorkflowAction action, const Person &actor,
                          const QString &comment)
{
    if (const QString r = actorRefusal(actor); !r.isEmpty()) {
        return r;
    }
    const ActionName &name = nameOf(action);
    Roles roles;
    QVector<StoryStatus> from;
    const Transition *match = nullptr;
    for (const Transition &t : transitions()) {
        if (t.action == action) {
            roles |= t.roles;
            from << t.from;
            if (t.from == status) {
                match = &t;
            }
        }
    }
    // The role first: a person who can never do this should hear that, not "try later".
    const Roles needed = match ? match->roles : roles;
    if (!(actor.roles & needed)) {
        return QStringLiteral("%1 cannot %2: %3 needs %4")
            .arg(actor.name, QString::fromLatin1(name.verb), QString::fromLatin1(name.gerund),
                 rolesPhrase(needed));
    }
    if (!match) {
        if (action == WorkflowAction::Archive && status == StoryStatus::Archived) {
            return QStringLiteral("the story is already Archived");
        }
        return QStringLiteral("the story is %1; only a story that is %2 can be %3")
            .arg(statusLabel(status), statesPhrase(from), QString::fromLatin1(name.participle));
    }
    if (action == WorkflowAction::RequestChanges && comment.trimmed().isEmpty()) {
        return QStringLiteral("requesting changes needs a comment saying what to change");
    }
    return QString();
}

QString Workflow::editRefusal(StoryStatus status, const Person &actor)
{
    if (const QString r = actorRefusal(actor); !r.isEmpty()) {
        return r;
    }
    if (!(actor.roles & kEditRoles)) {
        return QStringLiteral("%1 cannot edit: editing needs %2")
            .arg(actor.name, rolesPhrase(kEditRoles));
    }
    if (status == StoryStatus::Archived) {
        return QStringLiteral("the story is Archived; reopen it before editing");
    }
    return QString();
}

std::optional<Refusal> Workflow::createRefusal(const Person &actor)
{
    if (!actor.isKnown()) {
        return Refusal(RefusalKind::NoPersonChosen);
    }
    if (!actor.active || !actor.has(Role::Editor)) {
        return Refusal(RefusalKind::CreateNeedsRole, actor.name);
    }
    return std::nullopt;
}

QVector<WorkflowAction> Workflow::availableActions(StoryStatus status, const Person &actor)
{
    QVector<WorkflowAction> out;
    for (const WorkflowAction a : allActions()) {
        // A placeholder comment: whether a comment is given is the caller's business here.
        if (refusal(status, a, actor, QStringLiteral("-")).isEmpty()) {
            out << a;
        }
    }
    return out;
}

QString Workflow::exportRefusal(const Person &actor)
{
    if (const QString r = actorRefusal(actor); !r.isEmpty()) {
        return r;
    }
    if (!actor.has(Role::Exporter)) {
        return QStringLiteral("%1 cannot export: building press packets needs the exporter role")
            .arg(actor.name);
    }
    return QString();
}

QString Workflow::statusText(StoryStatus status, const ApprovalState &approval)
{
    if (approval.changedSinceApproval) {
        return statusLabel(status) + QStringLiteral(" — changed since approval");
    }
    if ((status == StoryStatus::Approved || status == StoryStatus::Released) && !approval.valid) {
        return statusLabel(status) + QStringLiteral(" — no approval of this version");
    }
    return statusLabel(status);
}

QString Workflow::trashRefusal(const Person &actor)
{
    if (const QString r = actorRefusal(actor); !r.isEmpty()) {
        return r;
    }
    if (!(actor.roles & (Roles(Role::Editor) | Role::Admin))) {
        return QStringLiteral("%1 cannot move stories to the Trash: that needs the editor or "
                              "admin role")
            .arg(actor.name);
    }
    return QString();
}

QString Workflow::deleteRefusal(const Person &actor)
{
    if (!actor.isKnown() || actor.has(Role::Editor) || actor.has(Role::Admin)) {
        return QString();
    }
    return QStringLiteral("%1 cannot delete stories: that needs the editor or admin role")
        .arg(actor.name);
}

QString Workflow::peopleRefusal(const Person &actor) const
{
    if (PersonRepository(mDb).countWithRole(Role::Admin) == 0) {
        return QString();
    }
    if (const QString r = actorRefusal(actor); !r.isEmpty()) {
        return QStringLiteral("this library has an admin; only an admin can add or change people "
                              "(%1)")
            .arg(r);
    }
    if (!actor.has(Role::Admin)) {
        return QStringLiteral("%1 cannot add or change people: that needs the admin role")
            .arg(actor.name);
    }
    return QString();
}

Status Workflow::addPerson(Person &person, const Person &actor)
{
    if (const QString r = peopleRefusal(actor); !r.isEmpty()) {
        return Refusal(RefusalKind::WorkflowRefused, QString(), r);
    }
    return PersonRepository(mDb).add(person, actor);
}

Status Workflow::updatePerson(const Person &person, const Person &actor)
{
    if (const QString r = peopleRefusal(actor); !r.isEmpty()) {
        return Refusal(RefusalKind::WorkflowRefused, QString(), r);
    }
    PersonRepository people(mDb);
    const Result<Person> current = people.get(person.id);
    if (!current) {
        return current.refusal();
    }
    const bool wasAdmin = current->active && current->has(Role::Admin);
    const bool staysAdmin = person.active && person.has(Role::Admin);
    if (wasAdmin && !staysAdmin && people.countWithRole(Role::Admin) == 1) {
        return Refusal(RefusalKind::LastAdmin, current->name);
    }
    return people.update(person, actor);
}

} // namespace fo
