#pragma once
// An error as the API reports it: a status and a message. `toResponse` is the one place
// that turns errors into HTTP ({"error": "…"} JSON).

#include "http/HttpResponse.h"

#include <QString>

namespace cairn {

struct ApiError
{
    int status = 500;
    QString message;
    int retryAfterSeconds = 0;   // > 0: sent as Retry-After (503 for limits and busy transcoders)

    static ApiError badRequest(const QString &message) { return {400, message}; }
    static ApiError notFound(const QString &message) { return {404, message}; }
};

HttpResponse toResponse(const ApiError &error);

} // namespace cairn
