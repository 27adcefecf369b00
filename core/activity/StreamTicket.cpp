#include "activity/StreamTicket.h"

#include "activity/ActivityRegistry.h"

namespace cairn {

StreamTicket::StreamTicket(ActivityRegistry &registry, std::shared_ptr<LiveStreamState> state)
    : m_registry(registry), m_state(std::move(state))
{
}

StreamTicket::~StreamTicket()
{
    m_registry.close(m_state);
}

qint64 StreamTicket::id() const
{
    return m_state->fixed.id;
}

void StreamTicket::addBytesSent(qint64 bytes)
{
    m_state->bytesSent.fetch_add(bytes, std::memory_order_relaxed);
}

void StreamTicket::setBytesSent(qint64 total)
{
    qint64 now = m_state->bytesSent.load(std::memory_order_relaxed);
    while (total > now && !m_state->bytesSent.compare_exchange_weak(now, total, std::memory_order_relaxed)) {
    }
}

qint64 StreamTicket::bytesSent() const
{
    return m_state->bytesSent.load(std::memory_order_relaxed);
}

qint64 StreamTicket::capBytesPerSecond() const
{
    return m_state->cap.load();
}

BandwidthBudget &StreamTicket::sharedBudget() const
{
    return m_registry.budget();
}

void StreamTicket::setPlayback(const QString &preset, qint64 seekPositionMs)
{
    m_registry.updatePlayback(*m_state, preset, seekPositionMs);
}

void StreamTicket::setEnding(StreamEnding ending)
{
    m_state->ending.store(int(ending));
}

} // namespace cairn
