#include "subsonic/SubsonicError.h"

namespace cairn::subsonic {

Error Error::from(const DomainError &error)
{
    using Kind = DomainError::Kind;
    QString message = error.message;
    if (!error.allowed.isEmpty())
        message += QStringLiteral(" (one of: %1)").arg(error.allowed.join(QStringLiteral(", ")));
    switch (error.kind) {
    case Kind::InvalidInput: return {MissingParameter, message, 0};
    case Kind::Unauthenticated: return {WrongCredentials, message, 0};
    case Kind::TooManyAttempts: return {WrongCredentials, message, error.retryAfterSeconds};
    case Kind::Forbidden: return {NotAuthorized, message, 0};
    case Kind::NotFound:
    case Kind::NotVisible:
    case Kind::Gone: return {NotFound, message, 0};
    case Kind::Busy: return {Generic, message, error.retryAfterSeconds};
    case Kind::Conflict:
    case Kind::Unprocessable:
    case Kind::Unavailable:
    case Kind::Failed: return {Generic, message, 0};
    }
    return {Generic, message, 0};
}

} // namespace cairn::subsonic
