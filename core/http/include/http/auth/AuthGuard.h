#pragma once
// The request guard of a server with users: authenticates a bearer token or a signed URL
// (`exp` + `sig` for exactly this path), enforces the route's Access, and sets the caller's
// Identity with the folders they may see. 401 without (valid) credentials, 403 for a bad
// signature or a non-admin on an admin route, 429 beyond the request rate.

#include "http/auth/CorsPolicy.h"
#include "http/Router.h"

namespace cairn {

class Authenticator;
class RequestRateLimit;
struct User;

// `cors` adds cross-origin headers to every answer for allowed origins, refusals included.
// `rateLimit` (may be null; must outlive the guard) answers 429 to a client over its request
// rate before authentication.
RequestGuard makeAuthGuard(Authenticator &auth, CorsPolicy cors = {}, RequestRateLimit *rateLimit = nullptr);

// The caller's identity for an active user (admins see everything).
Identity identityOf(const User &user, const Authenticator &auth);

// The bearer token of a request ("Authorization: Bearer …"), empty if none.
QByteArray bearerToken(const HttpRequest &request);

} // namespace cairn
