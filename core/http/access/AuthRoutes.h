#pragma once
// Login, logout, the caller's own account, signed stream URLs and user management routes.
// Registered only when the server has an Authenticator (HttpServices::auth).

namespace cairn {

class Router;
struct HttpServices;

void addAuthRoutes(Router &router, const HttpServices &services);

} // namespace cairn
