#include "http/api/ApiRoutes.h"

#include "http/HttpServer.h"
#include "http/api/ActivityRoutes.h"
#include "http/api/ArtworkRoutes.h"
#include "http/api/HlsRoutes.h"
#include "http/api/LibraryRoutes.h"
#include "http/api/MediaFileRoutes.h"
#include "http/api/TrackRoutes.h"
#include "http/api/TranscodeRoutes.h"
#include "http/api/VideoPreviewRoutes.h"
#include "http/auth/AuthRoutes.h"
#include "web/WebRoutes.h"

namespace cairn {

void addApiRoutes(Router &router, const HttpServices &services)
{
    addLibraryRoutes(router, services);
    addTrackRoutes(router, services);
    addMediaFileRoutes(router, services);
    addAuthRoutes(router, services);
    addActivityRoutes(router, services);
    addArtworkRoutes(router, services);
    addTranscodeRoutes(router, services);
    addVideoPreviewRoutes(router, services);
    addHlsRoutes(router, services);
    addWebRoutes(router);
}

} // namespace cairn
