#pragma once

#include <QElapsedTimer>
#include <QVector>

#include <algorithm>
#include <functional>

namespace fo::bench {

struct Sample
{
    double median = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
    int runs = 0;
};

inline Sample summarise(QVector<double> ms)
{
    Sample s;
    if (ms.isEmpty()) {
        return s;
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) {
        return ms.at(std::min(int(ms.size()) - 1, int(q * ms.size())));
    };
    s.median = at(0.5);
    s.p95 = at(0.95);
    s.p99 = at(0.99);
    s.max = ms.last();
    s.runs = ms.size();
    return s;
}

/// Runs `work` `runs` times (after one warm-up) and returns the times in milliseconds.
inline Sample measure(int runs, const std::function<void()> &work)
{
    work();
    QVector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ms << t.nsecsElapsed() / 1e6;
    }
    return summarise(ms);
}

} // namespace fo::bench
