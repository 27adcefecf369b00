#include "activity/NowPlaying.h"

#include <QMutexLocker>

#include <algorithm>

namespace cairn {
namespace {

// A paused player reports nothing: keep it listed a little past the track's end.
constexpr qint64 kGraceMs = 5 * 60 * 1000;
constexpr int kMaxEntries = 200;

} // namespace

NowPlaying::NowPlaying(Clock clock) : m_clock(std::move(clock)) {}

QDateTime NowPlaying::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void NowPlaying::report(const NowPlayingEntry &entry, qint64 durationMs)
{
    const QDateTime at = now();
    QMutexLocker lock(&m_mutex);
    m_held.erase(std::remove_if(m_held.begin(), m_held.end(),
                                [&](const Held &h) {
                                    return h.until <= at
                                        || (h.entry.userId == entry.userId && h.entry.player == entry.player);
                                }),
                 m_held.end());
    NowPlayingEntry stored = entry;
    stored.since = at;
    m_held.prepend({stored, at.addMSecs(qMax<qint64>(0, durationMs) + kGraceMs)});
    if (m_held.size() > kMaxEntries)
        m_held.resize(kMaxEntries);
}

QList<NowPlayingEntry> NowPlaying::entries() const
{
    const QDateTime at = now();
    QMutexLocker lock(&m_mutex);
    QList<NowPlayingEntry> fresh;
    for (const Held &h : m_held)
        if (h.until > at)
            fresh << h.entry;
    return fresh;
}

} // namespace cairn
