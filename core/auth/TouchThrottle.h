#pragma once
// Decides in memory whether a "last used" time is worth writing again: at most once per
// interval per id. Clients authenticate every request (each cover, each stream), and a write
// statement per request would compete with the scanner for the catalog's write lock. Thread-safe.

#include <QHash>
#include <QMutex>

namespace cairn {

class TouchThrottle
{
public:
    explicit TouchThrottle(qint64 intervalSecs = 60) : m_interval(intervalSecs) {}

    // True (and remembered) when `id` was not let through within the interval before `now`.
    bool due(qint64 id, qint64 now);
    void forget(qint64 id);

private:
    qint64 m_interval;
    QMutex m_mutex;
    QHash<qint64, qint64> m_lastWritten;
};

} // namespace cairn
