#pragma once
// GET/HEAD /api/tracks/{id}/stream and /download: a catalog item's exact file bytes.

namespace cairn {
class Router;
struct HttpServices;
void addMediaFileRoutes(Router &router, const HttpServices &services);
} // namespace cairn
