#pragma once
// The JSON API's one mapping from a DomainError to an answer: the HTTP status for its kind, a
// body {"error": message[, "allowed": [...]]} and Retry-After when the error says when.

#include "base/DomainError.h"
#include "http/HttpResponse.h"

namespace cairn {

int httpStatusFor(DomainError::Kind kind);
HttpResponse jsonErrorAnswer(const DomainError &error);
// The same body for answers the HTTP layer itself gives (405, 408, 412, 416, an unknown path):
// protocol outcomes, not domain errors.
HttpResponse jsonProtocolAnswer(int status, const QString &message);

} // namespace cairn
