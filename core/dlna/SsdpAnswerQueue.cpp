#include "SsdpAnswerQueue.h"

namespace cairn::dlna {

bool SsdpAnswerQueue::add(qint64 dueMs, SsdpAnswer answer)
{
    if (size() >= m_capacity)
        return false;
    m_pending.emplace(dueMs, std::move(answer));
    return true;
}

QList<SsdpAnswer> SsdpAnswerQueue::takeDue(qint64 nowMs)
{
    QList<SsdpAnswer> due;
    auto it = m_pending.begin();
    while (it != m_pending.end() && it->first <= nowMs) {
        due.append(std::move(it->second));
        it = m_pending.erase(it);
    }
    return due;
}

qint64 SsdpAnswerQueue::nextDueMs() const
{
    return m_pending.empty() ? -1 : m_pending.begin()->first;
}

} // namespace cairn::dlna
