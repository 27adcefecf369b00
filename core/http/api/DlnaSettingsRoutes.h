#pragma once
// The DLNA server's settings and state for administrators: GET/PUT /api/dlna (the web app's
// administration; the desktop uses the runtime directly).

namespace cairn {

class Router;
struct HttpServices;

void addDlnaSettingsRoutes(Router &router, const HttpServices &services);

} // namespace cairn
