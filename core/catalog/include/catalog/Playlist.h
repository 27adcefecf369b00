#pragma once
// A user's playlist as a plain value, and the changes its owner may make to one.

#include <QList>
#include <QString>

#include <optional>

namespace cairn {

struct Playlist
{
    qint64 id = 0;
    qint64 ownerId = 0;
    QString ownerName;
    QString name;
    QString comment;
    bool isPublic = false;    // public playlists are listed to, and read by, every user
    qint64 createdAt = 0;     // unix seconds
    qint64 changedAt = 0;     // unix seconds: the last change of any field or of the entries
    int trackCount = 0;       // entries the reader may see
    qint64 durationMs = 0;    // of those entries
    // PlaylistRepository::find only: the track ids of those entries in order (a track may recur).
    QList<qint64> trackIds;
};

// OpenSubsonic updatePlaylist. Fields left out stay as they are; removals apply before appends.
struct PlaylistChanges
{
    std::optional<QString> name;        // not blank
    std::optional<QString> comment;
    std::optional<bool> isPublic;
    // Entries to remove, as indexes into the trackIds that find() gives the same reader before
    // this change (entries the reader may not see keep their place).
    QList<int> removeIndexes;
    QList<qint64> appendTrackIds;       // added at the end, in order
};

} // namespace cairn
