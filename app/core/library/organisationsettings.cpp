#include "library/organisationsettings.h"

#include "library/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

// Keys in the library's settings table.
const QString &kName()
{
    static const QString k = QStringLiteral("organisation.name");
    return k;
}
const QString &kPressContact()
{
    static const QString k = QStringLiteral("organisation.press_contact");
    return k;
}
const QString &kWebsite()
{
    static const QString k = QStringLiteral("organisation.website");
    return k;
}

} // namespace

OrganisationInfo OrganisationSettings::defaults()
{
    OrganisationInfo info;
    info.name = QStringLiteral("Field Office");
    return info;
}

OrganisationInfo OrganisationSettings::load() const
{
    const Result<OrganisationInfo> info = read();
    return info ? *info : defaults();
}

Result<OrganisationInfo> OrganisationSettings::read() const
{
    OrganisationInfo info = defaults();
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?, ?, ?)"));
    q.addBindValue(kName());
    q.addBindValue(kPressContact());
    q.addBindValue(kWebsite());
    if (!q.exec()) {
        return queryRefusal(q);
    }
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key == kName() && !value.trimmed().isEmpty()) {
            info.name = value;
        } else if (key == kPressContact()) {
            info.pressContact = value;
        } else if (key == kWebsite()) {
            info.website = value;
        }
    }
    return info;
}

std::optional<Refusal> OrganisationSettings::changeRefusal(const Person &actor)
{
    if (!actor.isKnown()) {
        return Refusal(RefusalKind::NoPersonChosen);
    }
    if (!actor.active || !actor.has(Role::Admin)) {
        return Refusal(RefusalKind::OrganisationNeedsAdmin, actor.name);
    }
    return std::nullopt;
}

Status OrganisationSettings::save(const OrganisationInfo &info, const Person &actor)
{
    if (std::optional<Refusal> refused = changeRefusal(actor)) {
        return *refused;
    }
    return save(info);
}

Status OrganisationSettings::save(const OrganisationInfo &info)
{
    Transaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    const std::pair<QString, QString> values[] = {
        {kName(), info.name.trimmed()},
        {kPressContact(), info.pressContact.trimmed()},
        {kWebsite(), info.website.trimmed()},
    };
    for (const auto &[key, value] : values) {
        q.addBindValue(key);
        q.addBindValue(notNull(value));
        if (!q.exec()) {
            return queryRefusal(q);
        }
    }
    return tx.finish();
}

} // namespace fo
