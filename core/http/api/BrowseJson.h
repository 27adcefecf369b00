#pragma once
// The JSON shapes of browsing: albums, artists and genres (durations in seconds, dates ISO 8601).

#include <QJsonObject>

namespace cairn {

struct AlbumSummary;
struct ArtistSummary;
struct GenreSummary;

QJsonObject albumToJson(const AlbumSummary &album);
QJsonObject artistToJson(const ArtistSummary &artist);
QJsonObject genreToJson(const GenreSummary &genre);

} // namespace cairn
