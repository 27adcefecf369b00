#pragma once
// GET /health, GET /api/folders, POST /api/scan and GET /api/scan (status).

namespace cairn {
class Router;
struct HttpServices;
void addLibraryRoutes(Router &router, const HttpServices &services);
} // namespace cairn
