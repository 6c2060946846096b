#pragma once

#include "runner.h"

namespace fo {
class Database;
}

namespace fo::bench {

/// The "spelling" group (issue 12 item 3): a keystroke in a 5,000-word English story with
/// spelling on and off, checking the whole story once through Hunspell, and the corrections of
/// one word (what a right-click waits for).
void measureSpelling(Database &source, QVector<Measure> &out);

} // namespace fo::bench
