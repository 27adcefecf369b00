#include "http/ApiError.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

HttpResponse toResponse(const ApiError &error)
{
    HttpResponse r = HttpResponse::json(error.status, QJsonDocument(QJsonObject{{u"error"_s, error.message}}));
    if (error.retryAfterSeconds > 0)
        r.setHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    return r;
}

} // namespace cairn
