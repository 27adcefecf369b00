#pragma once
// GET /api/videos/{id}/thumbnail?t=S, /thumbnails?count=N (JSON), /thumbnails/sprite?count=N
// (each with an optional &width=W) and /preview (a 30-second MP4): previews of catalog videos.

namespace cairn {
class Router;
struct HttpServices;
void addVideoPreviewRoutes(Router &router, const HttpServices &services);
} // namespace cairn
