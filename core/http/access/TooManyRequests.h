#pragma once
// The answer to a client over its request rate: 429 with Retry-After, in the words of the
// protocol it called — the JSON API's {"error"}, or a Subsonic error envelope for /rest/.

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

namespace cairn {

struct Route;

HttpResponse tooManyRequestsAnswer(const Route &route, const HttpRequest &request, int retryAfterSeconds);

} // namespace cairn
