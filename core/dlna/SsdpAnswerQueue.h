#pragma once
// Search answers waiting for their random delay (UDA 1.1, 1.3.3: spread over MX so that many
// devices do not answer at the same instant). Bounded: a flood of M-SEARCH from the LAN must not
// grow memory, so answers beyond the cap are dropped — the asker searches again anyway.

#include <QByteArray>
#include <QHostAddress>
#include <QList>

#include <map>

namespace cairn::dlna {

struct SsdpAnswer
{
    QByteArray datagram;
    QHostAddress peer;
    quint16 port = 0;
};

class SsdpAnswerQueue
{
public:
    explicit SsdpAnswerQueue(qsizetype capacity = 200) : m_capacity(capacity) { }

    // False (and nothing queued) when full.
    bool add(qint64 dueMs, SsdpAnswer answer);
    // Every answer due at `nowMs`, earliest first.
    QList<SsdpAnswer> takeDue(qint64 nowMs);
    // -1 when empty.
    qint64 nextDueMs() const;
    qsizetype size() const { return qsizetype(m_pending.size()); }
    qsizetype capacity() const { return m_capacity; }
    void clear() { m_pending.clear(); }

private:
    qsizetype m_capacity;
    std::multimap<qint64, SsdpAnswer> m_pending;
};

} // namespace cairn::dlna
