#pragma once
// The caller's saved play queue, shared with their other clients (OpenSubsonic savePlayQueue,
// getPlayQueue): GET /api/queue, PUT /api/queue {trackIds, currentTrackId, positionMs}.

namespace cairn {
class Router;
struct HttpServices;
void addPlayQueueRoutes(Router &router, const HttpServices &services);
} // namespace cairn
