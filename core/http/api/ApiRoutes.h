#pragma once
// Registers every API route on a router. The one list of what the server answers.

namespace cairn {

class Router;
struct HttpServices;

void addApiRoutes(Router &router, const HttpServices &services);

} // namespace cairn
