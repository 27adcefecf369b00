#pragma once
// The presets: GET /api/presets (audio "items" and "video", for every user) and the
// administrators' writes, the same for both kinds: POST /api/presets and /api/video-presets
// (201), PUT /api/presets/{id} and /api/video-presets/{id} (the fields given change), DELETE
// (204). The kind's rules validate every write, as in the desktop's Presets tab.

namespace cairn {
class Router;
struct HttpServices;
void addPresetRoutes(Router &router, const HttpServices &services);
} // namespace cairn
