#pragma once
// GET /api/tracks/{id}/art, /api/albums/{id}/art and /api/artists/{id}/art (?size=N): the
// original picture or a resized copy, with strong validators and 304s.

namespace cairn {
class Router;
struct HttpServices;
void addArtworkRoutes(Router &router, const HttpServices &services);
} // namespace cairn
