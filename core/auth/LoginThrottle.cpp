#include "auth/LoginThrottle.h"

#include <QDateTime>

namespace cairn {
namespace {
constexpr qsizetype kMaxTrackedAddresses = 10000;   // bounds memory under a spray of addresses
}

LoginThrottle::LoginThrottle(LoginThrottlePolicy policy, Clock clock)
    : m_policy(policy), m_clock(std::move(clock))
{
}

qint64 LoginThrottle::now() const
{
    return m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
}

qint64 LoginThrottle::retryAfter(const QHostAddress &address) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_records.constFind(address.toString());
    if (it == m_records.constEnd())
        return 0;
    return qMax<qint64>(0, it->lockedUntil - now());
}

void LoginThrottle::recordFailure(const QHostAddress &address)
{
    QMutexLocker lock(&m_mutex);
    const qint64 t = now();
    if (m_records.size() >= kMaxTrackedAddresses)
        forgetStale(t);
    Record &r = m_records[address.toString()];
    ++r.failures;
    const int over = r.failures - m_policy.freeFailures;
    if (over < 0)
        return;
    qint64 lockout = m_policy.firstLockoutSecs;
    for (int i = 0; i < over && lockout < m_policy.maxLockoutSecs; ++i)
        lockout *= 2;
    r.lockedUntil = t + qMin(lockout, m_policy.maxLockoutSecs);
}

void LoginThrottle::recordSuccess(const QHostAddress &address)
{
    QMutexLocker lock(&m_mutex);
    m_records.remove(address.toString());
}

void LoginThrottle::forgetStale(qint64 now)
{
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (it->lockedUntil + m_policy.maxLockoutSecs < now)
            it = m_records.erase(it);
        else
            ++it;
    }
}

} // namespace cairn
