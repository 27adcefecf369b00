#include "activity/RateWindow.h"

namespace cairn {

void RateWindow::add(qint64 atMs, qint64 totalBytes)
{
    if (m_count == kCapacity) {   // sampled faster than the ring was sized for: keep the newest
        m_first = (m_first + 1) % kCapacity;
        --m_count;
    }
    m_samples[size_t((m_first + m_count) % kCapacity)] = {atMs, totalBytes};
    ++m_count;
    // The oldest sample kept is the newest one at or before the window's start.
    while (m_count > 2 && at(1).atMs <= atMs - m_spanMs) {
        m_first = (m_first + 1) % kCapacity;
        --m_count;
    }
}

double RateWindow::bytesPerSecond() const
{
    if (m_count < 2)
        return 0;
    const Sample &oldest = at(0);
    const Sample &newest = at(m_count - 1);
    const qint64 ms = newest.atMs - oldest.atMs;
    return ms > 0 ? double(newest.bytes - oldest.bytes) * 1000.0 / double(ms) : 0;
}

} // namespace cairn
