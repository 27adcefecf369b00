#include "hls/SegmentTimeline.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cairn {
namespace {

// A sliver this short would be a segment players may skip or stall on; it rides along with
// the previous one instead (that segment is then slightly longer than the target).
constexpr qint64 kShortestLastSegmentMs = 100;

} // namespace

SegmentTimeline::SegmentTimeline(qint64 durationMs, int targetSeconds)
    : m_durationMs(qMax<qint64>(0, durationMs))
    , m_targetSeconds(qMax(1, targetSeconds))
{
    const qint64 targetMs = qint64(m_targetSeconds) * 1000;
    const qint64 full = m_durationMs / targetMs;
    const qint64 remainder = m_durationMs % targetMs;
    qint64 count = full;
    if (remainder >= kShortestLastSegmentMs || (remainder > 0 && full == 0))
        ++count;
    m_count = int(qMin<qint64>(count, std::numeric_limits<int>::max()));
}

SegmentTimeline SegmentTimeline::fromKeyframes(const QList<qint64> &keyframesMs, qint64 durationMs, int targetSeconds)
{
    SegmentTimeline timeline(durationMs, targetSeconds);
    const qint64 targetMs = qint64(timeline.m_targetSeconds) * 1000;
    // Keyframe times are decode times: a few frames early, never late. 100 ms of slack keeps
    // a keyframe meant for a boundary from being skipped for being a frame short of it.
    constexpr qint64 kSlackMs = 100;
    QList<qint64> starts{0};
    for (const qint64 keyframe : keyframesMs) {
        if (keyframe - starts.constLast() >= targetMs - kSlackMs && timeline.m_durationMs - keyframe >= kShortestLastSegmentMs)
            starts << keyframe;
    }
    qint64 longest = 0;
    for (qsizetype i = 0; i < starts.size(); ++i)
        longest = qMax(longest, (i + 1 < starts.size() ? starts.at(i + 1) : timeline.m_durationMs) - starts.at(i));
    timeline.m_startsMs = starts;
    timeline.m_count = timeline.m_durationMs > 0 ? int(starts.size()) : 0;
    timeline.m_targetSeconds = int(qMax<qint64>(timeline.m_targetSeconds, (longest + 999) / 1000));
    return timeline;
}

int SegmentTimeline::count() const
{
    return m_count;
}

bool SegmentTimeline::contains(int index) const
{
    return index >= 0 && index < m_count;
}

qint64 SegmentTimeline::startMs(int index) const
{
    if (!m_startsMs.isEmpty())
        return m_startsMs.value(index);
    return qint64(index) * m_targetSeconds * 1000;
}

qint64 SegmentTimeline::durationMsOf(int index) const
{
    if (!contains(index))
        return 0;
    if (index == m_count - 1)
        return m_durationMs - startMs(index);
    if (!m_startsMs.isEmpty())
        return startMs(index + 1) - startMs(index);
    return qint64(m_targetSeconds) * 1000;
}

double SegmentTimeline::startSeconds(int index) const
{
    return contains(index) ? startMs(index) / 1000.0 : 0.0;
}

double SegmentTimeline::durationSeconds(int index) const
{
    return durationMsOf(index) / 1000.0;
}

int SegmentTimeline::targetSeconds() const
{
    return m_targetSeconds;
}

double SegmentTimeline::totalSeconds() const
{
    return m_durationMs / 1000.0;
}

int SegmentTimeline::indexAt(double seconds) const
{
    if (m_count == 0 || !(seconds > 0))   // also catches NaN
        return 0;
    if (!m_startsMs.isEmpty()) {
        const auto after = std::upper_bound(m_startsMs.cbegin(), m_startsMs.cend(), qint64(seconds * 1000));
        return int(qMin<qsizetype>(after - m_startsMs.cbegin(), m_count) - 1);
    }
    const double index = std::floor(seconds / m_targetSeconds);
    return index >= m_count - 1 ? m_count - 1 : int(index);
}

} // namespace cairn
