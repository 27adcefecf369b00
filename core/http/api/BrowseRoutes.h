#pragma once
// Browsing the library, always within the caller's folder grants: GET /api/artists,
// /api/artists/{id}, /api/albums, /api/albums/{id}, /api/genres, /api/videos, /api/search.
// Tracks, albums and artists carry the caller's own state of them (StateJson.h).

namespace cairn {
class Router;
struct HttpServices;
void addBrowseRoutes(Router &router, const HttpServices &services);
} // namespace cairn
