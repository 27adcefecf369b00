#pragma once
// How fast a scan reads files: a moving rate over the last few seconds of progress reports and
// the time left at that rate. A value class fed with (time, done, total); the caller owns the
// clock, so tests use fake times.

#include <QList>
#include <QtGlobal>

#include <optional>

namespace cairn {

class ScanRate
{
public:
    static constexpr qint64 kDefaultWindowMs = 5000;

    explicit ScanRate(qint64 windowMs = kDefaultWindowMs) : m_windowMs(qMax<qint64>(1, windowMs)) {}

    // Forgets every sample (a new scan).
    void reset();
    // A report at `nowMs` (any monotonic clock): `done` of `total` files (total 0 = not known yet).
    // The first report with a known total is the baseline: files counted before it (unchanged
    // ones, skipped at once) do not make the rate. Going back in time or in files starts over.
    void add(qint64 nowMs, int done, int total);

    // Files per second over the window; nullopt until two samples some time apart are known.
    std::optional<double> filesPerSecond() const;
    // Milliseconds left at that rate; nullopt when the total, the rate or what is left is unknown.
    std::optional<qint64> msLeft() const;

    int done() const { return m_done; }
    int total() const { return m_total; }

private:
    struct Sample
    {
        qint64 ms = 0;
        int done = 0;
    };
    qint64 m_windowMs;
    QList<Sample> m_samples;   // oldest first; the oldest may lie before the window (its start)
    int m_done = 0;
    int m_total = 0;
};

} // namespace cairn
