#pragma once
// What each player says it is playing right now (Subsonic's scrobble with submission=false),
// per user and player, forgotten when the report is older than the track could still play.
// Thread-safe; memory only.

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>

#include <functional>

namespace cairn {

struct NowPlayingEntry
{
    qint64 userId = 0;
    QString userName;
    QString player;          // the client's name for itself
    qint64 trackId = 0;
    QDateTime since;         // UTC, when it was reported
};

class NowPlaying
{
public:
    using Clock = std::function<QDateTime()>;
    explicit NowPlaying(Clock clock = {});

    // Replaces what `player` of `userId` plays; the entry lasts `durationMs` (at least minutes).
    void report(const NowPlayingEntry &entry, qint64 durationMs);
    // Fresh entries, newest first.
    QList<NowPlayingEntry> entries() const;

private:
    struct Held
    {
        NowPlayingEntry entry;
        QDateTime until;
    };
    QDateTime now() const;

    Clock m_clock;
    mutable QMutex m_mutex;
    QList<Held> m_held;
};

} // namespace cairn
