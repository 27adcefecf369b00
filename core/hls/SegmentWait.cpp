#include "hls/SegmentWait.h"

#include <QObject>

namespace cairn {

SegmentWait::State SegmentWait::state() const
{
    QMutexLocker lock(&m_mutex);
    return m_state;
}

QString SegmentWait::path() const
{
    QMutexLocker lock(&m_mutex);
    return m_path;
}

std::optional<SegmentWait::Growing> SegmentWait::growing() const
{
    QMutexLocker lock(&m_mutex);
    return m_growing;
}

void SegmentWait::grow(const QString &path, bool skipsInit)
{
    QMutexLocker lock(&m_mutex);
    if (m_state != State::Pending || (m_growing && m_growing->path == path))
        return;
    m_growing = Growing{path, skipsInit};
    notifyLocked();
}

QString SegmentWait::error() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

bool SegmentWait::isAdmitted() const
{
    QMutexLocker lock(&m_mutex);
    return m_admitted;
}

int SegmentWait::retryAfterSeconds() const
{
    QMutexLocker lock(&m_mutex);
    return m_retryAfterSeconds;
}

void SegmentWait::admit()
{
    QMutexLocker lock(&m_mutex);
    if (m_admitted || m_state != State::Pending)
        return;
    m_admitted = true;
    notifyLocked();
}

void SegmentWait::refuse(const QString &error, int retryAfterSeconds)
{
    QMutexLocker lock(&m_mutex);
    if (m_state != State::Pending)
        return;
    m_state = State::Failed;
    m_error = error;
    m_retryAfterSeconds = qMax(1, retryAfterSeconds);
    notifyLocked();
}

void SegmentWait::resolve(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    if (m_state != State::Pending)
        return;
    m_state = State::Ready;
    m_path = path;
    notifyLocked();
}

void SegmentWait::fail(const QString &error)
{
    QMutexLocker lock(&m_mutex);
    if (m_state != State::Pending)
        return;
    m_state = State::Failed;
    m_error = error;
    notifyLocked();
}

void SegmentWait::setNotifier(QObject *context, std::function<void()> notify)
{
    QMutexLocker lock(&m_mutex);
    m_context = context;
    m_notify = context ? std::move(notify) : std::function<void()>();
}

void SegmentWait::notifyLocked()
{
    // Under the lock, so the body cannot delete its context between the check and the post;
    // a posted call to a context deleted later is dropped by Qt.
    if (m_context && m_notify)
        QMetaObject::invokeMethod(m_context, m_notify, Qt::QueuedConnection);
}

} // namespace cairn
