#include "JsonErrorAnswer.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

int httpStatusFor(DomainError::Kind kind)
{
    switch (kind) {
    case DomainError::Kind::InvalidInput: return 400;
    case DomainError::Kind::Unauthenticated: return 401;
    case DomainError::Kind::Forbidden: return 403;
    case DomainError::Kind::NotFound:
    case DomainError::Kind::NotVisible: return 404;  // never reveal what a caller may not see
    case DomainError::Kind::Conflict: return 409;
    case DomainError::Kind::Gone: return 410;
    case DomainError::Kind::Unprocessable: return 422;
    case DomainError::Kind::TooLarge: return 413;
    case DomainError::Kind::UnsupportedType: return 415;
    case DomainError::Kind::TooManyAttempts: return 429;
    case DomainError::Kind::Busy:
    case DomainError::Kind::Unavailable: return 503;
    case DomainError::Kind::Failed: return 500;
    case DomainError::Kind::NoSpace: return 507;
    }
    return 500;
}

HttpResponse jsonErrorAnswer(const DomainError &error)
{
    QJsonObject body{{u"error"_s, error.message}};
    if (!error.allowed.isEmpty())
        body.insert(u"allowed"_s, QJsonArray::fromStringList(error.allowed));
    HttpResponse r = HttpResponse::json(httpStatusFor(error.kind), QJsonDocument(body));
    if (error.retryAfterSeconds > 0)
        r.setHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    return r;
}

HttpResponse jsonProtocolAnswer(int status, const QString &message)
{
    return HttpResponse::json(status, QJsonDocument(QJsonObject{{u"error"_s, message}}));
}

} // namespace cairn
