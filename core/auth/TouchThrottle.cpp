#include "TouchThrottle.h"

namespace cairn {
namespace {
constexpr qsizetype kMaxTracked = 10000;   // bounds memory; an id forgotten is only written once more
}

bool TouchThrottle::due(qint64 id, qint64 now)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_lastWritten.constFind(id);
    if (it != m_lastWritten.constEnd() && now - *it < m_interval)
        return false;
    if (m_lastWritten.size() >= kMaxTracked)
        m_lastWritten.clear();
    m_lastWritten.insert(id, now);
    return true;
}

void TouchThrottle::forget(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_lastWritten.remove(id);
}

} // namespace cairn
