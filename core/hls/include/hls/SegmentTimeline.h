#pragma once
// The fixed segment grid of a VOD playlist: segment i covers [i*target, (i+1)*target), the last
// one shorter. Known up front from the duration alone, so players can seek anywhere at once.

#include <QList>

namespace cairn {

class SegmentTimeline
{
public:
    SegmentTimeline(qint64 durationMs = 0, int targetSeconds = 6);   // targetSeconds clamped to >= 1
    // The grid of a source copied as is, which can only be cut at its keyframes: a new segment
    // starts at the first keyframe at least `targetSeconds` after the previous start. The
    // target duration is then the longest segment, rounded up.
    static SegmentTimeline fromKeyframes(const QList<qint64> &keyframesMs, qint64 durationMs, int targetSeconds);
    bool isUniform() const { return m_startsMs.isEmpty(); }

    // 0 for a zero duration; a final remainder under 100 ms is folded into the previous segment.
    int count() const;
    bool contains(int index) const;
    double startSeconds(int index) const;      // 0 outside the grid
    double durationSeconds(int index) const;   // 0 outside the grid
    int targetSeconds() const;
    double totalSeconds() const;
    int indexAt(double seconds) const;   // clamped into [0, count-1]

private:
    qint64 startMs(int index) const;
    qint64 durationMsOf(int index) const;

    QList<qint64> m_startsMs;   // explicit segment starts (keyframe cuts); empty = a uniform grid
    qint64 m_durationMs = 0;
    int m_targetSeconds = 6;
    int m_count = 0;
};

} // namespace cairn
