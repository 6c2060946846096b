#pragma once

namespace fo {

/// With FIELDOFFICE_TRACE_STARTUP set, prints "startup <CLOCK_MONOTONIC ns> <what>" on stderr:
/// where the window's start-up spends its time, phase by phase, on any machine. Costs one
/// environment lookup when unset.
void traceStartup(const char *what);

} // namespace fo
