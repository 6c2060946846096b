#pragma once

#include "base/refusal.h"

#include <QDateTime>
#include <QFlags>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace fo {

/// What a person may do in the workflow. A person can hold several roles.
enum class Role
{
    Editor = 0x1,   // drafts and edits stories, submits them for review
    Reviewer = 0x2, // requests changes, approves an exact version, releases
    Exporter = 0x4, // builds press packets from approved stories, releases
    Admin = 0x8,    // manages people, archives and reopens stories
};
Q_DECLARE_FLAGS(Roles, Role)

/// Stable key stored in the library and used on the command line ("reviewer").
QString roleKey(Role role);
/// Human label ("Reviewer").
QString roleLabel(Role role);
std::optional<Role> parseRole(const QString &text);
QVector<Role> allRoles();
/// "editor,reviewer" in the order of allRoles().
QString rolesKey(Roles roles);
/// Parses "editor, reviewer"; refused with UnknownRole (naming the bad word) or NoRoleGiven.
Result<Roles> parseRoles(const QString &text);

/// A local person: who an action is recorded for. On a local file roles are a workflow guard,
/// not a security boundary: anyone who can write the file can change them.
/// A default-constructed Person (id 0) is "nobody": changes made without a person (import,
/// the demo, older callers) are recorded with an empty name.
struct Person
{
    qint64 id = 0;
    QString name;
    Roles roles;
    bool active = true;
    QDateTime createdAt; // UTC

    bool isKnown() const { return id > 0; }
    bool has(Role role) const { return roles.testFlag(role); }
    /// The name for history lists: "Rahul Sen", or "(nobody)" for changes made without a person.
    QString displayName() const;
};

} // namespace fo

Q_DECLARE_OPERATORS_FOR_FLAGS(fo::Roles)
