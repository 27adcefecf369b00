#pragma once
// GET/HEAD /api/videos/{id}/mpegts (&offset=SECONDS, or TimeSeekRange.dlna.org): a video
// encoded live to one continuous MPEG-TS stream at its top HLS rung, for DLNA renderers that
// cannot decode the file (Matroska, WebM, AVI…). Chunked, seekable in time only.

namespace cairn {
class Router;
struct HttpServices;
void addVideoCopyRoutes(Router &router, const HttpServices &services);
} // namespace cairn
