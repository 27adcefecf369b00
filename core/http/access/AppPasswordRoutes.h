#pragma once
// App password routes: a user lists, creates and revokes their own; an administrator anyone's.
// Another user's are 404, like an id that does not exist. Registered only when the server has
// an AppPasswordStore (HttpServices::appPasswords).

namespace cairn {

class Router;
struct HttpServices;

void addAppPasswordRoutes(Router &router, const HttpServices &services);

} // namespace cairn
