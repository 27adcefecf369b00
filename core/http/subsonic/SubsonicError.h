#pragma once
// The Subsonic API's one mapping from what went wrong to the spec's error codes: domain errors
// from the core, and the failures only this protocol has (its credential modes).

#include "base/DomainError.h"

namespace cairn {
struct CredentialCheck;
}

#include <QString>

namespace cairn::subsonic {

struct Error
{
    // The spec's codes.
    enum Code {
        Generic = 0,
        MissingParameter = 10,
        ClientTooOld = 20,
        ServerTooOld = 30,
        WrongCredentials = 40,
        TokenAuthUnsupported = 41,
        AuthMechanismUnsupported = 42,
        ConflictingAuth = 43,
        InvalidApiKey = 44,
        NotAuthorized = 50,
        NotFound = 70,
    };

    int code = Generic;
    QString message;
    int retryAfterSeconds = 0;   // sent as Retry-After too (throttling, busy transcoders)

    static Error from(const DomainError &error);
    // A refused credential check (never called with an accepted one).
    static Error from(const CredentialCheck &check);
};

} // namespace cairn::subsonic
