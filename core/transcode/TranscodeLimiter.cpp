#include "transcode/TranscodeLimiter.h"

namespace cairn {

TranscodeLimiter::TranscodeLimiter(int maxConcurrent) : m_max(qMax(1, maxConcurrent)) {}

TranscodeLimiter::Slot::~Slot()
{
    m_count->fetch_sub(1);
}

std::unique_ptr<TranscodeLimiter::Slot> TranscodeLimiter::tryAcquire()
{
    int current = m_count->load();
    do {
        if (current >= m_max.load())
            return nullptr;
    } while (!m_count->compare_exchange_weak(current, current + 1));
    return std::unique_ptr<Slot>(new Slot(m_count));
}

} // namespace cairn
