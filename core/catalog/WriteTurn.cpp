#include "WriteTurn.h"

namespace cairn {

bool WriteTurn::acquire(QDeadlineTimer deadline)
{
    QMutexLocker lock(&m_mutex);
    if (!m_held && m_queue.empty()) {
        m_held = true;
        return true;
    }
    Waiter self;
    const auto place = m_queue.insert(m_queue.end(), &self);
    while (!self.granted) {
        if (!m_granted.wait(&m_mutex, deadline) && !self.granted) {
            m_queue.erase(place);
            return false;
        }
    }
    return true;
}

void WriteTurn::release()
{
    QMutexLocker lock(&m_mutex);
    if (m_queue.empty()) {
        m_held = false;
        return;
    }
    // Handed over while still held: the releasing thread cannot take it back before the next
    // writer wakes.
    m_queue.front()->granted = true;
    m_queue.pop_front();
    m_granted.wakeAll();
}

} // namespace cairn
