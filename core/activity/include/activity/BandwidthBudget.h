#pragma once
// Token buckets that pace writes to a rate: a writer takes what it may send now and, when
// nothing is left, learns how long to wait (it arms a timer; it never sleeps a thread).

#include <QElapsedTimer>
#include <QMutex>

namespace cairn {

// One writer's bucket; not thread-safe. Rate 0 = unlimited.
class TokenBucket
{
public:
    void setRate(qint64 bytesPerSecond);
    qint64 rate() const { return m_rate; }
    // Grants up to `want` bytes now (all of them when unlimited) and spends them.
    qint64 take(qint64 want);
    // What `take(want)` would grant, without spending it; `spend` then takes it.
    qint64 available(qint64 want);
    void spend(qint64 bytes);
    // Returns granted bytes that were not sent after all (a socket that took less).
    void giveBack(qint64 bytes);
    // Milliseconds until at least `bytes` (capped to the burst size) are available; 0 = now.
    int msUntil(qint64 bytes);
    // The most a writer should ask for at once so the pace stays smooth.
    qint64 burst() const;

private:
    void refill();

    qint64 m_rate = 0;
    double m_tokens = 0;
    QElapsedTimer m_clock;
};

// The bucket shared by every stream of the server (the global outgoing cap); thread-safe.
class BandwidthBudget
{
public:
    void setRate(qint64 bytesPerSecond);
    qint64 rate() const;
    qint64 take(qint64 want);
    void giveBack(qint64 bytes);
    int msUntil(qint64 bytes);

private:
    mutable QMutex m_mutex;
    TokenBucket m_bucket;
};

} // namespace cairn
