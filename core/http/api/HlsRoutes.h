#pragma once
// HLS for videos: the master playlist (opens a playback session), each variant's VOD media
// playlist and its segments, with signed URLs inside the playlists for players that fetch
// them without our headers.

namespace cairn {

class Router;
struct HttpServices;

void addHlsRoutes(Router &router, const HttpServices &services);

} // namespace cairn
