#include "base/clock.h"

namespace fo {

namespace {

std::function<QDateTime()> &clockOverride()
{
    static std::function<QDateTime()> f;
    return f;
}

} // namespace

QDateTime Clock::now()
{
    const auto &f = clockOverride();
    const QDateTime t = f ? f() : QDateTime::currentDateTimeUtc();
    // Round to the millisecond so a time read back from the library compares equal.
    return QDateTime::fromMSecsSinceEpoch(t.toMSecsSinceEpoch(), Qt::UTC);
}

void Clock::setOverride(std::function<QDateTime()> now)
{
    clockOverride() = std::move(now);
}

} // namespace fo
