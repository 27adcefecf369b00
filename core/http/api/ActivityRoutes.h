#pragma once
// The activity API: live streams (JSON and Server-Sent Events), End/Throttle, the last hour's
// timeline, stream history, and GET /metrics for Prometheus.

namespace cairn {

class Router;
struct HttpServices;

void addActivityRoutes(Router &router, const HttpServices &services);

} // namespace cairn
