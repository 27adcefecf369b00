#pragma once
// The Subsonic methods Cairn answers, by name, with who may call each. Filled once at start by
// the endpoint groups, read by every request (no locking needed after that).

#include "subsonic/SubsonicCall.h"

#include "http/Identity.h"

#include <QHash>

#include <functional>

namespace cairn {
struct HttpServices;
}

namespace cairn::subsonic {

using EndpointHandler = std::function<void(Call &call)>;

struct Endpoint
{
    Access access = Access::User;   // Public, User or Admin
    EndpointHandler run;
};

class EndpointTable
{
public:
    void add(const QString &name, Access access, EndpointHandler handler);
    const Endpoint *find(const QString &name) const;
    QStringList names() const;

private:
    QHash<QString, Endpoint> m_endpoints;
};

// The groups, each in its own file.
void addSystemEndpoints(EndpointTable &table, const HttpServices &services);
void addBrowsingEndpoints(EndpointTable &table, const HttpServices &services);
void addListEndpoints(EndpointTable &table, const HttpServices &services);
void addSearchEndpoints(EndpointTable &table, const HttpServices &services);
void addMediaEndpoints(EndpointTable &table, const HttpServices &services);
void addSongListEndpoints(EndpointTable &table, const HttpServices &services);
void addAnnotationEndpoints(EndpointTable &table, const HttpServices &services);
void addPlaylistEndpoints(EndpointTable &table, const HttpServices &services);
void addLyricsEndpoints(EndpointTable &table, const HttpServices &services);

} // namespace cairn::subsonic
