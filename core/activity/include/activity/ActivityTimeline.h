#pragma once
// The last hour of activity for charts: every interval (10 s) the live streams' total outgoing
// rate and their count per kind, kept in a ring (360 samples). Samples on the thread that owns
// it (a timer reading the registry's snapshot); samples() is thread-safe (HTTP workers, GUI).

#include "activity/StreamInfo.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <array>

namespace cairn {

class ActivityRegistry;

// The kinds of StreamKind, in its order (an index into ActivitySample::streams).
inline constexpr int kStreamKindCount = int(StreamKind::Hls) + 1;

struct ActivitySample
{
    QDateTime at;                                  // UTC
    double bytesPerSecond = 0;                     // the live streams' rates summed
    std::array<int, kStreamKindCount> streams{};   // active streams by StreamKind

    int totalStreams() const;
};

class ActivityTimeline : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 10'000;
    static constexpr int kDefaultCapacity = 360;   // an hour at the default interval

    // `activity` must outlive this object. Sampling starts with start().
    explicit ActivityTimeline(const ActivityRegistry &activity, int intervalMs = kDefaultIntervalMs,
                              int capacity = kDefaultCapacity, QObject *parent = nullptr);

    // Takes a sample now and then one every interval.
    void start();
    void stop();
    // Reads the registry and appends one sample (the timer calls it; tests may too).
    void sampleNow();

    int intervalMs() const { return m_intervalMs; }
    int capacity() const { return m_capacity; }
    // Oldest first, at most capacity(). Thread-safe.
    QList<ActivitySample> samples() const;

Q_SIGNALS:
    // Emitted on the owning thread after each sample.
    void sampled();

private:
    const ActivityRegistry &m_activity;
    const int m_intervalMs;
    const int m_capacity;
    QTimer m_timer;
    mutable QMutex m_mutex;
    QList<ActivitySample> m_ring;   // guarded; m_capacity slots once full
    int m_next = 0;                 // guarded; the slot written next (the oldest, once full)
};

} // namespace cairn
