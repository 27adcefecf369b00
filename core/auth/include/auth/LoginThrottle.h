#pragma once
// Slows down password guessing per client address: after a few free failures each further
// failure locks the address out for twice as long as the previous one, up to a cap; a
// successful login clears the record. Thread-safe.

#include <QHash>
#include <QHostAddress>
#include <QMutex>

#include <functional>

namespace cairn {

struct LoginThrottlePolicy
{
    int freeFailures = 5;          // failures allowed before any lockout
    qint64 firstLockoutSecs = 2;   // doubled on every further failure
    qint64 maxLockoutSecs = 15 * 60;
};

class LoginThrottle
{
public:
    using Clock = std::function<qint64()>;   // seconds; the wall clock unless a test sets one
    explicit LoginThrottle(LoginThrottlePolicy policy = {}, Clock clock = {});

    // Seconds the address must wait before trying again; 0 = it may try now.
    qint64 retryAfter(const QHostAddress &address) const;
    void recordFailure(const QHostAddress &address);
    void recordSuccess(const QHostAddress &address);

private:
    struct Record
    {
        int failures = 0;
        qint64 lockedUntil = 0;
    };
    qint64 now() const;
    void forgetStale(qint64 now);

    LoginThrottlePolicy m_policy;
    Clock m_clock;
    mutable QMutex m_mutex;
    QHash<QString, Record> m_records;
};

} // namespace cairn
