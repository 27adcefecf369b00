#pragma once
// Browsing the library, always within the caller's folder grants: GET /api/artists,
// /api/artists/{id}, /api/albums, /api/albums/{id}, /api/genres, /api/videos, /api/search.

namespace cairn {
class Router;
struct HttpServices;
void addBrowseRoutes(Router &router, const HttpServices &services);
} // namespace cairn
