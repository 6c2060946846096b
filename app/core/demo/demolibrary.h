#pragma once

#include "base/refusal.h"

namespace fo {

class Database;

/// Fills a new library with the demo stories shipped in resources/demo (fictional stories in the
/// house style, every workflow state, Bengali and Tamil passages, pseudonyms with footnotes).
/// One transaction. Returns the number of stories created, or why not.
Result<int> createDemoLibrary(Database &db);

} // namespace fo
