#include "subsonic/SubsonicSignIn.h"

#include "subsonic/SubsonicCall.h"

#include "http/HttpServer.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {

bool signIn(Call &call, const HttpServices &)
{
    call.fail(Error{Error::WrongCredentials, u"wrong username or password"_s});
    return false;
}

} // namespace cairn::subsonic
