#include "api/CallerLink.h"

#include "auth/Authenticator.h"

#include "HttpExchange.h"

namespace cairn {

QString callerLink(const Authenticator *auth, const HttpExchange &ex, const QString &path)
{
    if (auth && ex.identity().userId > 0)
        return auth->signedUrl(path, ex.identity().userId);
    return path;
}

} // namespace cairn
