#pragma once
// Items' JSON with the caller's own state of each (favourite, starredAt, rating, playCount,
// lastPlayedAt), so a star or a play from any client — the web app, an OpenSubsonic app — shows
// wherever the item is listed. The state of a whole list is read in one query.

#include <QJsonArray>
#include <QList>

namespace cairn {

class Database;
struct AlbumSummary;
struct ArtistSummary;
struct Track;

// Unix seconds as ISO 8601 UTC, as every date of the API; null for 0 (never).
QJsonValue timeJson(qint64 secs);

// `userId` 0 (no signed-in user) gives every item an empty state.
QJsonArray tracksWithState(const Database &db, qint64 userId, const QList<Track> &tracks);
QJsonArray albumsWithState(const Database &db, qint64 userId, const QList<AlbumSummary> &albums);
QJsonArray artistsWithState(const Database &db, qint64 userId, const QList<ArtistSummary> &artists);

} // namespace cairn
