#include "TooManyRequests.h"

#include "http/Router.h"
#include "subsonic/SubsonicCall.h"

#include "JsonErrorAnswer.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

HttpResponse tooManyRequestsAnswer(const Route &route, const HttpRequest &request, int retryAfterSeconds)
{
    const QString message = u"too many requests from this address; try again in %1 s"_s.arg(retryAfterSeconds);
    if (route.access != Access::OwnCredentials)
        return jsonErrorAnswer(DomainError::tooManyAttempts(message, retryAfterSeconds));
    // Subsonic's own envelope, so an app shows the message; code 0 (generic), not 40: the
    // credentials were never looked at, and an app must not think they are wrong. The status
    // is 429 rather than Subsonic's usual 200 so apps and proxies that read it back off too.
    using namespace subsonic;
    HttpResponse r = errorAnswer(formatOf(Params::from(request)), Error{Error::Generic, message, retryAfterSeconds});
    r.status = 429;
    return r;
}

} // namespace cairn
