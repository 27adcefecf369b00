#pragma once
// Serves the browser app: "/" (index.html, never cached without revalidation) and
// "/assets/<version>/<file>" (cached for a year), with ETag/304, gzip and the security headers
// (CSP without inline script, nosniff, Referrer-Policy). Public: the app itself holds no data;
// everything it shows comes from the authenticated API.

namespace cairn {

class Router;

void addWebRoutes(Router &router);

} // namespace cairn
