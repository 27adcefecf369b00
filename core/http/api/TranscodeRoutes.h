#pragma once
// GET/HEAD /api/tracks/{id}/transcode (?preset=NAME | ?format=&bitrate=, &offset=SECONDS):
// a track transcoded by FFmpeg on the fly, or served from the transcode cache. What to send is the MediaPlanner's decision;
// the route reads the query and carries the plan out over HTTP (ranges, HEAD, headers).

namespace cairn {
class Router;
struct HttpServices;
void addTranscodeRoutes(Router &router, const HttpServices &services);
} // namespace cairn
