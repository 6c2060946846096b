#pragma once

#include <QDateTime>

#include <functional>

namespace fo {

/// The time the workflow records (revisions, approvals, comments, the audit trail).
///
/// Tests replace it so that "ten minutes later" needs no sleeping; the program never does.
/// The override is process-wide, which is fine for a test executable and harmless otherwise.
class Clock
{
public:
    /// Now, in UTC, with millisecond precision (what the library stores).
    static QDateTime now();
    /// Replaces now() until reset (an empty function restores the system clock).
    static void setOverride(std::function<QDateTime()> now);
};

} // namespace fo
