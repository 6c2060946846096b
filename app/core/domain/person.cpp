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

std::optional<Roles> parseRoles(const QString &text, QString *error)
{
    Roles roles;
    const QStringList words = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        if (w.trimmed().isEmpty()) {
            continue;
        }
        const std::optional<Role> r = parseRole(w);
        if (!r) {
            if (error) {
                *error = QStringLiteral("unknown role '%1' (editor, reviewer, exporter, admin)")
                             .arg(w.trimmed());
            }
            return std::nullopt;
        }
        roles |= *r;
    }
    if (!roles) {
        if (error) {
            *error = QStringLiteral("no role given (editor, reviewer, exporter, admin)");
        }
        return std::nullopt;
    }
    return roles;
}

QString Person::displayName() const
{
    return name.isEmpty() ? QStringLiteral("(nobody)") : name;
}

} // namespace fo
