#pragma once
// Optimised versions, for administrators: GET /api/optimised (the store and every version with
// its progress), POST /api/videos/{id}/optimised and /api/folders/{id}/optimised (queue chosen
// variants, {"variants": ["<key>", …]}, the top one by default), GET and DELETE
// /api/optimised/{id} (one version; cancel and delete).

namespace cairn {
class Router;
struct HttpServices;
void addOptimisedRoutes(Router &router, const HttpServices &services);
} // namespace cairn
