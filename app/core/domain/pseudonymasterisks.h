#pragma once

#include <QString>

namespace fo {

/// Escapes the pseudonym and footnote asterisks of a Markdown text (`Amina*` → `Amina\*`,
/// `*Name changed …` → `\*Name changed …`) and leaves real emphasis (`*really*`, `**bold**`)
/// alone, so that what an editor typed reads the same after rendering. The exact rule is written
/// at the definition. Applying it twice changes nothing more.
QString escapePseudonymAsterisks(const QString &markdown);

} // namespace fo
