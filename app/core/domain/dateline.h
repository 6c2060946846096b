#pragma once

#include <QString>

namespace fo {

/// A dateline's two parts as typed: "GULU, UGANDA" → GULU and UGANDA.
struct DatelineParts
{
    QString city;
    QString country;
};

/// The one rule for a dateline typed as "CITY, COUNTRY" (import's front matter, `fieldoffice
/// edit --dateline`): the city is what comes before the FIRST comma and the country all after
/// it, as the import reads a dateline at the start of a story (DOMAIN.md: a country may itself
/// hold commas, a city does not), both trimmed. A dash after it, as copied from a story's first
/// line ("GULU, UGANDA –"), is dropped. Without a comma it is all city.
DatelineParts splitDateline(const QString &text);

} // namespace fo
