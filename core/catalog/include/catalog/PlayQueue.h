#pragma once
// A user's saved play queue as a plain value: what a client was playing, for another client (or
// the same one later) to carry on with.

#include <QList>
#include <QString>

namespace cairn {

struct PlayQueue
{
    QList<qint64> trackIds;     // in play order (a track may recur); on load, only visible ones
    qint64 currentTrackId = 0;  // one of trackIds; 0 = none
    qint64 positionMs = 0;      // within the current track
    qint64 changedAt = 0;       // unix seconds
    QString changedBy;          // the client that saved it
};

} // namespace cairn
