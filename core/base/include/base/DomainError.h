#pragma once
// What went wrong, as the core says it: a kind every protocol knows how to answer (HTTP status
// and JSON, a Subsonic error code, a SOAP fault), a message for people, and the details some
// kinds carry. The core returns these as values; each protocol maps them in one place.

#include <QString>
#include <QStringList>

namespace cairn {

struct DomainError
{
    enum class Kind {
        InvalidInput,     // a parameter or body the caller can fix; `allowed` may list the accepted values
        Unauthenticated,  // no or bad credentials
        Forbidden,        // authenticated, but not allowed to do this
        NotFound,         // no such thing
        NotVisible,       // it exists, but not for this caller (answered like NotFound)
        Conflict,         // the request contradicts the current state (a duplicate name, the last admin)
        Gone,             // it existed and was ended (a stream ended by an administrator)
        Unprocessable,    // it exists, but its content cannot be used (a broken image, no duration)
        TooLarge,         // what the caller sends is larger than allowed (an upload over the limit)
        UnsupportedType,  // what the caller sends is of a kind not taken (an upload that is not media)
        TooManyAttempts,  // the caller must slow down (login throttling); retryAfterSeconds set
        Busy,             // a limit is reached for now (streams, transcodes); retryAfterSeconds set
        Unavailable,      // the feature is not offered by this server
        Failed,           // the server could not do it (a transcoder that died, a disk error)
        NoSpace,          // the server could not store it: its disk is full
    };

    Kind kind = Kind::Failed;
    QString message;
    QStringList allowed;        // InvalidInput: the values that would have been accepted
    int retryAfterSeconds = 0;  // Busy, TooManyAttempts: when to try again (> 0)

    static DomainError invalid(const QString &message, const QStringList &allowed = {})
    {
        return {Kind::InvalidInput, message, allowed, 0};
    }
    static DomainError unauthenticated(const QString &message) { return {Kind::Unauthenticated, message, {}, 0}; }
    static DomainError forbidden(const QString &message) { return {Kind::Forbidden, message, {}, 0}; }
    static DomainError notFound(const QString &message) { return {Kind::NotFound, message, {}, 0}; }
    static DomainError notVisible(const QString &message) { return {Kind::NotVisible, message, {}, 0}; }
    static DomainError conflict(const QString &message) { return {Kind::Conflict, message, {}, 0}; }
    static DomainError gone(const QString &message) { return {Kind::Gone, message, {}, 0}; }
    static DomainError unprocessable(const QString &message) { return {Kind::Unprocessable, message, {}, 0}; }
    static DomainError tooLarge(const QString &message) { return {Kind::TooLarge, message, {}, 0}; }
    static DomainError unsupportedType(const QString &message) { return {Kind::UnsupportedType, message, {}, 0}; }
    static DomainError noSpace(const QString &message) { return {Kind::NoSpace, message, {}, 0}; }
    static DomainError tooManyAttempts(const QString &message, int retryAfterSeconds)
    {
        return {Kind::TooManyAttempts, message, {}, retryAfterSeconds};
    }
    static DomainError busy(const QString &message, int retryAfterSeconds)
    {
        return {Kind::Busy, message, {}, retryAfterSeconds};
    }
    static DomainError unavailable(const QString &message) { return {Kind::Unavailable, message, {}, 0}; }
    static DomainError failed(const QString &message) { return {Kind::Failed, message, {}, 0}; }
};

} // namespace cairn
