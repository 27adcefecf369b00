#include "activity/BandwidthBudget.h"

#include <QMutexLocker>

#include <cmath>

namespace cairn {
namespace {
// A bucket holds a tenth of a second of its rate (at least 4 KiB): bursts stay short, so a
// rate measured over a few seconds matches the cap closely.
constexpr qint64 kMinBurst = 4 * 1024;
} // namespace

void TokenBucket::setRate(qint64 bytesPerSecond)
{
    const qint64 rate = qMax<qint64>(0, bytesPerSecond);
    if (rate == m_rate)
        return;
    refill();
    m_rate = rate;
    m_tokens = qMin<double>(m_tokens, double(burst()));
    if (!m_clock.isValid())
        m_clock.start();
}

qint64 TokenBucket::burst() const
{
    return m_rate == 0 ? 0 : qMax(kMinBurst, m_rate / 10);
}

void TokenBucket::refill()
{
    if (!m_clock.isValid()) {
        m_clock.start();
        m_tokens = double(burst());
        return;
    }
    const qint64 ns = m_clock.nsecsElapsed();
    m_clock.restart();
    if (m_rate == 0)
        return;
    m_tokens = qMin(double(burst()), m_tokens + double(m_rate) * double(ns) / 1e9);
}

qint64 TokenBucket::take(qint64 want)
{
    if (m_rate == 0)
        return want;
    refill();
    const qint64 granted = qBound<qint64>(0, qint64(m_tokens), want);
    m_tokens -= double(granted);
    return granted;
}

qint64 TokenBucket::available(qint64 want)
{
    if (m_rate == 0)
        return want;
    refill();
    return qBound<qint64>(0, qint64(m_tokens), want);
}

void TokenBucket::spend(qint64 bytes)
{
    if (m_rate != 0)
        m_tokens -= double(bytes);
}

void TokenBucket::giveBack(qint64 bytes)
{
    if (m_rate != 0)
        m_tokens = qMin(double(burst()), m_tokens + double(bytes));
}

int TokenBucket::msUntil(qint64 bytes)
{
    if (m_rate == 0)
        return 0;
    refill();
    const double needed = double(qMin(bytes, burst())) - m_tokens;
    if (needed <= 0)
        return 0;
    return qMax(1, int(std::ceil(needed * 1000.0 / double(m_rate))));
}

void BandwidthBudget::setRate(qint64 bytesPerSecond)
{
    QMutexLocker lock(&m_mutex);
    m_bucket.setRate(bytesPerSecond);
}

qint64 BandwidthBudget::rate() const
{
    QMutexLocker lock(&m_mutex);
    return m_bucket.rate();
}

qint64 BandwidthBudget::take(qint64 want)
{
    QMutexLocker lock(&m_mutex);
    return m_bucket.take(want);
}

void BandwidthBudget::giveBack(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_bucket.giveBack(bytes);
}

int BandwidthBudget::msUntil(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    return m_bucket.msUntil(bytes);
}

} // namespace cairn
