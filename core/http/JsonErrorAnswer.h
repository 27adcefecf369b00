#pragma once
// The JSON API's one mapping from a DomainError to an answer: the HTTP status for its kind, a
// body {"error": message[, "allowed": [...]]} and Retry-After when the error says when.

#include "base/DomainError.h"
#include "http/HttpResponse.h"

namespace cairn {

int httpStatusFor(DomainError::Kind kind);
HttpResponse jsonErrorAnswer(const DomainError &error);

} // namespace cairn
