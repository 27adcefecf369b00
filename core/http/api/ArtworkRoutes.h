#pragma once
// GET /api/tracks/{id}/art, /api/albums/{id}/art and /api/artists/{id}/art (?size=N): the
// original picture or a resized copy, with strong validators and 304s.

#include <QtGlobal>

namespace cairn {

namespace artwork {
class ArtworkService;
}
class Database;
class HttpExchange;
class Router;
struct HttpServices;

enum class ArtOf { Track, Album, Artist };

void addArtworkRoutes(Router &router, const HttpServices &services);

// The artwork answer for one item, `size` read from the request's query; shared with the
// protocols that serve covers under their own URLs (Subsonic getCoverArt).
void serveArtwork(const Database &db, artwork::ArtworkService &service, ArtOf of, qint64 id, HttpExchange &exchange);

} // namespace cairn
