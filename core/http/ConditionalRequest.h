#pragma once
// Conditional requests (RFC 9110 §13) on the HTTP side: a request's precondition headers as a
// value, and the 304/412 answer for representations that are built in memory.

#include "stream/Preconditions.h"

#include <functional>

namespace cairn {

struct HttpRequest;
struct HttpResponse;
class HttpExchange;

// If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since and If-Range of `request`.
ConditionalHeaders conditionalHeaders(const HttpRequest &request);

// Evaluates the request's preconditions against `validators` and, when they decide, answers
// 304 (its headers added by `stampNotModified`: what a 200 would have carried) or 412.
// Returns whether it answered; false = the representation must be sent.
bool answerPreconditions(HttpExchange &ex, const Validators &validators,
                         const std::function<void(HttpResponse &)> &stampNotModified);

} // namespace cairn
