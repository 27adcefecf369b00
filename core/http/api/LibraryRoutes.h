#pragma once
// GET /health, the library folders (GET, POST, DELETE /api/folders), POST /api/scan and
// GET /api/scan (status).

namespace cairn {
class Router;
struct HttpServices;
void addLibraryRoutes(Router &router, const HttpServices &services);
} // namespace cairn
