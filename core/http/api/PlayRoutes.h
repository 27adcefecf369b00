#pragma once
// POST /api/tracks/{id}/played: the caller played the track (the web player's scrobble; the
// same plays OpenSubsonic's scrobble with submission records). Optional body {"at": unix seconds}.

namespace cairn {
class Router;
struct HttpServices;
void addPlayRoutes(Router &router, const HttpServices &services);
} // namespace cairn
