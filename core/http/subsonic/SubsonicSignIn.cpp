#include "subsonic/SubsonicSignIn.h"

#include "subsonic/SubsonicCall.h"

#include "auth/SubsonicAuthenticator.h"
#include "http/HttpServer.h"
#include "http/auth/AuthGuard.h"
#include "http/auth/ClientAddress.h"

#include "HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {

bool signIn(Call &call, const HttpServices &services)
{
    if (!services.subsonicAuth || !services.auth) {
        call.fail(Error{Error::WrongCredentials, u"wrong username or password"_s});
        return false;
    }
    const Params &p = call.params();
    const CredentialParams credentials{p.value(u"u"_s), p.value(u"p"_s), p.value(u"t"_s), p.value(u"s"_s),
                                       p.value(u"apiKey"_s)};
    const CredentialCheck check =
        services.subsonicAuth->check(credentials, clientAddress(call.exchange().request(), services.trustedProxies));
    if (check.result != CredentialCheck::Result::Ok) {
        call.fail(Error::from(check));
        return false;
    }
    call.exchange().setIdentity(identityOf(check.user, *services.auth));
    return true;
}

} // namespace cairn::subsonic
