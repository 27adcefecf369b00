#include "subsonic/SubsonicRoutes.h"

#include "subsonic/EndpointTable.h"
#include "subsonic/SubsonicSignIn.h"

#include "http/HttpServer.h"
#include "http/Router.h"

#include "HttpExchange.h"

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

using namespace subsonic;

// "getAlbum.view" → "getAlbum".
QString methodName(const QString &segment)
{
    return segment.endsWith(u".view"_s) ? segment.chopped(5) : segment;
}

void dispatch(const EndpointTable &table, const HttpServices &services, const QString &segment, HttpExchange &ex)
{
    Call call(ex, Params::from(ex.request()));
    const Format format = call.format();
    ex.setErrorAnswer([format](const DomainError &error) { return errorAnswer(format, Error::from(error)); });

    const Endpoint *endpoint = table.find(methodName(segment));
    if (endpoint && endpoint->access == Access::Public)
        return endpoint->run(call);
    // Without users (a loopback-only server) the guard already made the caller the local
    // administrator; otherwise the protocol's own credentials say who it is.
    if (services.auth && !signIn(call, services))
        return;
    // Unknown methods are answered after authentication, so strangers learn nothing.
    if (!endpoint)
        return call.fail(Error{Error::Generic, u"Cairn does not implement '%1'"_s.arg(methodName(segment).left(64))});
    if (endpoint->access == Access::Admin && !call.identity().admin)
        return call.fail(Error{Error::NotAuthorized, u"administrators only"_s});
    endpoint->run(call);
}

} // namespace

void addSubsonicRoutes(Router &router, const HttpServices &services)
{
    auto table = std::make_shared<EndpointTable>();
    addSystemEndpoints(*table, services);
    addBrowsingEndpoints(*table, services);
    addListEndpoints(*table, services);
    addSearchEndpoints(*table, services);
    addMediaEndpoints(*table, services);
    addSongListEndpoints(*table, services);
    addAnnotationEndpoints(*table, services);
    addPlaylistEndpoints(*table, services);
    addLyricsEndpoints(*table, services);
    router.add({HttpMethod::Get, HttpMethod::Head, HttpMethod::Post}, u"/rest/{method}"_s, Access::OwnCredentials,
               [table, services](const QStringList &params, HttpExchange &ex) {
                   dispatch(*table, services, params.at(0), ex);
               });
}

} // namespace cairn
