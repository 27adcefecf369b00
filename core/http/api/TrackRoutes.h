#pragma once
// GET /api/tracks (paged, searchable) and GET /api/tracks/{id}, with the caller's state of each track.

namespace cairn {
class Router;
struct HttpServices;
void addTrackRoutes(Router &router, const HttpServices &services);
} // namespace cairn
