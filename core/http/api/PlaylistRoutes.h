#pragma once
// The caller's playlists and the other users' public ones: GET/POST /api/playlists,
// GET/PATCH/DELETE /api/playlists/{id}, PUT /api/playlists/{id}/tracks (the new order). Only the
// owner changes a playlist: another user's private one is 404, a public one 403. The same
// playlists OpenSubsonic clients read and edit.

namespace cairn {
class Router;
struct HttpServices;
void addPlaylistRoutes(Router &router, const HttpServices &services);
} // namespace cairn
