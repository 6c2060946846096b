#pragma once

#include "base/refusal.h"

namespace fo {

class Database;

/// Gives a freshly filled demo library its people and history: one fictional person per role
/// (Grace Achieng, editor; Rahul Sen, reviewer; Maria Santos, exporter; Admin, admin), and for
/// each demo story the steps that brought it to its state, recorded as revisions and audit rows.
/// Approved and Released stories get real approvals by the reviewer (revision and content
/// hash), so that a press packet can be built from a fresh demo library.
/// Call once, after the stories are created (createDemoLibrary does). Atomic.
Status addDemoPeopleAndApprovals(Database &db);

} // namespace fo
