#include "activity/ActivityTimeline.h"

#include "activity/ActivityRegistry.h"

#include <QMutexLocker>

namespace cairn {

int ActivitySample::totalStreams() const
{
    int total = 0;
    for (const int n : streams)
        total += n;
    return total;
}

ActivityTimeline::ActivityTimeline(const ActivityRegistry &activity, int intervalMs, int capacity, QObject *parent)
    : QObject(parent), m_activity(activity), m_intervalMs(qMax(1, intervalMs)), m_capacity(qMax(1, capacity))
{
    m_ring.reserve(m_capacity);
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ActivityTimeline::sampleNow);
}

void ActivityTimeline::start()
{
    sampleNow();
    m_timer.start();
}

void ActivityTimeline::stop()
{
    m_timer.stop();
}

void ActivityTimeline::sampleNow()
{
    ActivitySample sample;
    sample.at = QDateTime::currentDateTimeUtc();
    // The registry's lock is held only while it copies its list.
    const QList<StreamSnapshot> streams = m_activity.snapshot();
    for (const StreamSnapshot &s : streams) {
        sample.bytesPerSecond += s.bytesPerSecond;
        ++sample.streams[size_t(s.info.kind)];
    }
    {
        QMutexLocker lock(&m_mutex);
        if (m_ring.size() < m_capacity)
            m_ring.append(sample);
        else
            m_ring[m_next] = sample;
        m_next = (m_next + 1) % m_capacity;
    }
    Q_EMIT sampled();
}

QList<ActivitySample> ActivityTimeline::samples() const
{
    QMutexLocker lock(&m_mutex);
    if (m_ring.size() < m_capacity)
        return m_ring;
    QList<ActivitySample> ordered;
    ordered.reserve(m_capacity);
    ordered.append(m_ring.mid(m_next));
    ordered.append(m_ring.mid(0, m_next));
    return ordered;
}

} // namespace cairn
