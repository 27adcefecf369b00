#include "api/ActivityEventFeed.h"

#include "activity/ActivityRegistry.h"

#include "api/ActivityJson.h"

#include <QJsonDocument>

#include <cstring>

namespace cairn {
namespace {
constexpr int kCoalesceMs = 200;
constexpr int kKeepAliveMs = 15000;
} // namespace

ActivityEventFeed::ActivityEventFeed(const ActivityRegistry &registry)
    : m_registry(registry)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ActivityEventFeed::publish);
    m_keepAlive.setInterval(kKeepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { append(": keep-alive\n\n"); });
    m_keepAlive.start();
    // Queued even from this thread: the registry may signal from inside another pump.
    connect(&registry, &ActivityRegistry::changed, this, [this] {
        if (!m_coalesce.isActive())
            m_coalesce.start();
    }, Qt::QueuedConnection);
    publish();
}

void ActivityEventFeed::publish()
{
    const QByteArray data = QJsonDocument(activityJson(m_registry.snapshot())).toJson(QJsonDocument::Compact);
    if (data == m_lastData)
        return;
    m_lastData = data;
    append("event: activity\ndata: " + data + "\n\n");
}

void ActivityEventFeed::append(const QByteArray &text)
{
    m_pending += text;
    if (m_notify)
        m_notify();
}

qint64 ActivityEventFeed::read(char *buffer, qint64 max)
{
    const qint64 n = qMin<qint64>(max, m_pending.size());
    std::memcpy(buffer, m_pending.constData(), size_t(n));
    m_pending.remove(0, n);
    return n;
}

} // namespace cairn
