#include "http/ApiError.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

HttpResponse toResponse(const ApiError &error)
{
    return HttpResponse::json(error.status, QJsonDocument(QJsonObject{{u"error"_s, error.message}}));
}

} // namespace cairn
