#pragma once
// The OpenSubsonic API under /rest/NAME and /rest/NAME.view (GET, HEAD and form POST): finds the
// method, authenticates the caller with the protocol's own credentials, and answers every
// failure — unknown methods included — as a Subsonic error in the format asked for.

namespace cairn {

class Router;
struct HttpServices;

void addSubsonicRoutes(Router &router, const HttpServices &services);

} // namespace cairn
