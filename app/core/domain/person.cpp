#include "domain/person.h"

namespace fo {

namespace {

struct RoleName
{
    Role role;
    const char *key;
    const char *label;
};

constexpr RoleName kRoleNames[] = {
    {Role::Editor, "editor", "Editor"},
    {Role::Reviewer, "reviewer", "Reviewer"},
    {Role::Exporter, "exporter", "Exporter"},
    {Role::Admin, "admin", "Admin"},
};

} // namespace

QString roleKey(Role role)
{
    for (const auto &n : kRoleNames) {
        if (n.role == role) {
            return QString::fromLatin1(n.key);
        }
    }
    return QString();
}

QString roleLabel(Role role)
{
    for (const auto &n : kRoleNames) {
        if (n.role == role) {
            return QString::fromLatin1(n.label);
        }
    }
    return QString();
}

std::optional<Role> parseRole(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (const auto &n : kRoleNames) {
        if (t == QLatin1String(n.key)) {
            return n.role;
        }
    }
    if (t == QLatin1String("administrator")) {
        return Role::Admin;
    }
    return std::nullopt;
}

QVector<Role> allRoles()
{
    QVector<Role> all;
    for (const auto &n : kRoleNames) {
        all.append(n.role);
    }
    return all;
}

QString rolesKey(Roles roles)
{
    QStringList keys;
    for (const Role r : allRoles()) {
        if (roles.testFlag(r)) {
            keys << roleKey(r);
        }
    }
    return keys.join(QLatin1Char(','));
}

Result<Roles> parseRoles(const QString &text)
{
    Roles roles;
    const QStringList words = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        if (w.trimmed().isEmpty()) {
            continue;
        }
        const std::optional<Role> r = parseRole(w);
        if (!r) {
            return Refusal(RefusalKind::UnknownRole, w.trimmed());
        }
        roles |= *r;
    }
    if (!roles) {
        return Refusal(RefusalKind::NoRoleGiven);
    }
    return roles;
}

QString Person::displayName() const
{
    return name.isEmpty() ? QStringLiteral("(nobody)") : name;
}

} // namespace fo
