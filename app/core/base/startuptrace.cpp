#include "base/startuptrace.h"

#include <QtGlobal>

#include <cstdio>
#include <ctime>

namespace fo {

void traceStartup(const char *what)
{
    static const bool enabled = qEnvironmentVariableIsSet("FIELDOFFICE_TRACE_STARTUP");
    if (!enabled) {
        return;
    }
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    std::fprintf(stderr, "startup %lld %s\n",
                 static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec, what);
}

} // namespace fo
