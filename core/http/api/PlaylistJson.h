#pragma once
// The JSON shapes of playlists, both ways: a playlist as the API shows it (to its owner and to
// others when public), and the bodies that create and change one (a wrong or unknown field is
// InvalidInput naming it).

#include "base/Result.h"
#include "catalog/Playlist.h"

#include <QJsonObject>

#include <optional>

namespace cairn {

// Without its tracks: the routes add them (TrackList.h) where they are wanted.
QJsonObject playlistToJson(const Playlist &playlist, qint64 callerId);

struct NewPlaylist
{
    QString name;
    QList<qint64> trackIds;
    PlaylistChanges extra;      // public and comment, set right after creation
};

// POST /api/playlists: {"name", ["trackIds", "public", "comment"]}.
Result<NewPlaylist> newPlaylistFromJson(const QJsonObject &body);
// PATCH /api/playlists/{id}: {["name", "comment", "public", "append", "remove"]}.
Result<PlaylistChanges> playlistChangesFromJson(const QJsonObject &body);

} // namespace cairn
