#pragma once
// GET /api/tracks (paged, searchable) and GET /api/tracks/{id}.

namespace cairn {
class Router;
struct HttpServices;
void addTrackRoutes(Router &router, const HttpServices &services);
} // namespace cairn
