#include "http/auth/AuthGuard.h"

#include "auth/Authenticator.h"
#include "auth/UserRevocations.h"

#include "http/auth/RequestRateLimit.h"

#include "HttpExchange.h"
#include "JsonErrorAnswer.h"
#include "TooManyRequests.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

void refuse(HttpExchange &ex, const DomainError &error)
{
    HttpResponse r = jsonErrorAnswer(error);
    if (error.kind == DomainError::Kind::Unauthenticated)
        r.setHeader("WWW-Authenticate", "Bearer realm=\"cairn\"");
    ex.respond(r);
}

// The user behind the request's credentials, or the refusal already sent.
std::optional<User> authenticate(Authenticator &auth, HttpExchange &ex)
{
    const HttpRequest &req = ex.request();
    const QByteArray authorization = req.header("authorization");
    if (!authorization.isEmpty()) {
        const QByteArray token = bearerToken(req);
        auto user = token.isEmpty() ? std::nullopt : auth.userForToken(token);
        if (!user)
            refuse(ex, DomainError::unauthenticated(u"invalid or expired credentials"_s));
        return user;
    }
    if (req.query.hasQueryItem(u"sig"_s) || req.query.hasQueryItem(u"exp"_s)) {
        const bool readOnly = req.method == HttpMethod::Get || req.method == HttpMethod::Head;
        const SignatureCheck check = auth.checkSignature(req.path, req.query.queryItemValue(u"exp"_s, QUrl::FullyDecoded),
                                                         req.query.queryItemValue(u"sig"_s, QUrl::FullyDecoded));
        auto user = readOnly && check.result == SignatureCheck::Result::Valid ? auth.activeUser(check.userId)
                                                                              : std::nullopt;
        if (!user)
            refuse(ex, DomainError::forbidden(check.result == SignatureCheck::Result::Expired
                                                  ? u"the signed URL has expired"_s
                                                  : u"invalid signature"_s));
        return user;
    }
    refuse(ex, DomainError::unauthenticated(u"authentication required"_s));
    return std::nullopt;
}

} // namespace

QByteArray bearerToken(const HttpRequest &request)
{
    const QByteArray value = request.header("authorization").trimmed();
    if (value.size() < 7 || value.left(7).toLower() != "bearer ")
        return {};
    return value.mid(7).trimmed();
}

Identity identityOf(const User &user, const Authenticator &auth)
{
    Identity id;
    id.userId = user.id;
    id.name = user.name;
    id.admin = user.admin;
    id.visibility = user.admin ? Visibility::everything() : Visibility::folders(user.folderIds);
    const UserRevocations *revocations = &auth.revocations();
    id.watchRevocation = [revocations, userId = user.id](QObject *context, std::function<void()> onRevoked) {
        revocations->watch(userId, context, std::move(onRevoked));
    };
    return id;
}

RequestGuard makeAuthGuard(Authenticator &auth, CorsPolicy cors, RequestRateLimit *rateLimit)
{
    return [&auth, cors, rateLimit](const Route &route, HttpExchange &ex) {
        cors.decorate(ex);   // refusals included: a web app must read Retry-After
        // Before any credential is looked at: a flood costs no token lookups or password checks.
        if (rateLimit) {
            if (const auto wait = rateLimit->admit(route, ex.request())) {
                ex.respond(tooManyRequestsAnswer(route, ex.request(), *wait));
                return false;
            }
        }
        if (route.access == Access::Public || route.access == Access::OwnCredentials) {
            ex.setIdentity({});
            return true;
        }
        const auto user = authenticate(auth, ex);
        if (!user)
            return false;
        if (route.access == Access::Admin && !user->admin) {
            refuse(ex, DomainError::forbidden(u"administrators only"_s));
            return false;
        }
        if (route.access == Access::Uploader && !user->admin && !user->upload) {
            refuse(ex, DomainError::forbidden(u"this account may not upload"_s));
            return false;
        }
        ex.setIdentity(identityOf(*user, auth));
        return true;
    };
}

} // namespace cairn
