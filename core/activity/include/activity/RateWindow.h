#pragma once
// The rate of a growing byte count over the last few seconds: samples of (time, total) kept
// for one window, rate = bytes added across the window / the time it spans. Unlike a moving
// average of 500 ms instants it neither jumps on a burst nor drops to nothing in the silence
// after one: it follows what was really moved, and forgets a stall within one window.

#include <QtGlobal>

#include <array>

namespace cairn {

class RateWindow
{
public:
    static constexpr qint64 kDefaultSpanMs = 3000;
    explicit RateWindow(qint64 spanMs = kDefaultSpanMs) : m_spanMs(spanMs) {}

    // Records the count at a time (ms on any steady clock); times must not go back.
    void add(qint64 atMs, qint64 totalBytes);
    // Bytes per second across the samples of the last window; 0 until two samples exist.
    double bytesPerSecond() const;

private:
    struct Sample
    {
        qint64 atMs = 0;
        qint64 bytes = 0;
    };
    // A small ring: samples older than the window (but the newest of those, which anchors the
    // window's start) are dropped, so a few per second over a few seconds fit.
    static constexpr int kCapacity = 16;
    const Sample &at(int i) const { return m_samples[size_t((m_first + i) % kCapacity)]; }

    qint64 m_spanMs;
    std::array<Sample, kCapacity> m_samples{};
    int m_first = 0;
    int m_count = 0;
};

} // namespace cairn
