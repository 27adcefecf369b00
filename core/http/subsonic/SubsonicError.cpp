#include "subsonic/SubsonicError.h"

#include "auth/SubsonicAuthenticator.h"

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
    case Kind::TooLarge:
    case Kind::UnsupportedType:
    case Kind::Unavailable:
    case Kind::Failed:
    case Kind::NoSpace: return {Generic, message, 0};
    }
    return {Generic, message, 0};
}

Error Error::from(const CredentialCheck &check)
{
    using R = CredentialCheck::Result;
    switch (check.result) {
    case R::Missing:
        return {MissingParameter, QStringLiteral("required credentials are missing (u with p, u with t and s, or apiKey)"), 0};
    case R::Conflicting:
        return {ConflictingAuth, QStringLiteral("use one authentication mechanism: apiKey, u+p or u+t+s"), 0};
    case R::BadApiKey: return {InvalidApiKey, QStringLiteral("invalid API key"), 0};
    case R::Throttled:
        return {WrongCredentials, QStringLiteral("too many failed attempts; try again later"), int(check.retryAfterSecs)};
    case R::Ok:
    case R::Wrong:
    case R::Disabled: break;   // a disabled account looks like a wrong password
    }
    return {WrongCredentials, QStringLiteral("wrong username or password"), 0};
}

} // namespace cairn::subsonic
