#include "HeapTrimmer.h"

#include "HttpLog.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace cairn {
namespace {
// Idle this long before trimming: a client opening one connection per request would
// otherwise trigger a trim per request.
constexpr int kIdleMs = 2000;
constexpr int kPeriodMs = 60000;
// Trim while busy only when the peak was this much higher (and not small).
constexpr int kShrinkFactor = 2;
constexpr int kMinPeak = 64;
} // namespace

HeapTrimmer::HeapTrimmer(QObject *parent) : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(kIdleMs);
    connect(&m_idle, &QTimer::timeout, this, &HeapTrimmer::trimIfIdle);
    m_periodic.setInterval(kPeriodMs);
    connect(&m_periodic, &QTimer::timeout, this, &HeapTrimmer::trimIfShrunk);
    m_periodic.start();
}

void HeapTrimmer::connectionsChanged(int count)
{
    m_count = count;
    m_peak = qMax(m_peak, count);
    if (count == 0 && m_peak > 0 && !m_idle.isActive())
        m_idle.start();
}

void HeapTrimmer::trimIfIdle()
{
    if (m_count == 0)
        trim();
}

void HeapTrimmer::trimIfShrunk()
{
    if (m_peak >= kMinPeak && m_peak > kShrinkFactor * m_count)
        trim();
}

void HeapTrimmer::trim()
{
    m_peak = m_count;
#ifdef __GLIBC__
    const int released = malloc_trim(0);
    qCDebug(lcHttp) << "heap trimmed after a burst of connections; released:" << bool(released);
#endif
}

} // namespace cairn
