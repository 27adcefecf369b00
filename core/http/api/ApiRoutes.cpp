#include "http/api/ApiRoutes.h"

#include "http/HttpServer.h"
#include "http/api/LibraryRoutes.h"
#include "http/api/MediaFileRoutes.h"
#include "http/api/TrackRoutes.h"

namespace cairn {

void addApiRoutes(Router &router, const HttpServices &services)
{
    addLibraryRoutes(router, services);
    addTrackRoutes(router, services);
    addMediaFileRoutes(router, services);
}

} // namespace cairn
