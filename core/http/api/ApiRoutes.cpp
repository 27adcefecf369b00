#include "api/ApiRoutes.h"

#include "http/HttpServer.h"

#include "access/AppPasswordRoutes.h"
#include "access/AuthRoutes.h"

#include "api/ActivityRoutes.h"
#include "api/ArtworkRoutes.h"
#include "api/BrowseRoutes.h"
#include "api/DlnaSettingsRoutes.h"
#include "api/FavouriteRoutes.h"
#include "api/HlsRoutes.h"
#include "api/LibraryRoutes.h"
#include "api/MediaFileRoutes.h"
#include "api/PlayQueueRoutes.h"
#include "api/PlayRoutes.h"
#include "api/PlaylistRoutes.h"
#include "api/PresetRoutes.h"
#include "api/RatingRoutes.h"
#include "api/TrackRoutes.h"
#include "api/TranscodeRoutes.h"
#include "api/UploadRoutes.h"
#include "api/VideoCopyRoutes.h"
#include "api/OptimisedRoutes.h"
#include "api/SubtitleRoutes.h"
#include "api/VideoPreviewRoutes.h"
#include "dlna/DlnaRoutes.h"
#include "subsonic/SubsonicRoutes.h"
#include "webapp/WebRoutes.h"

namespace cairn {

void addApiRoutes(Router &router, const HttpServices &services)
{
    addLibraryRoutes(router, services);
    addUploadRoutes(router, services);
    addTrackRoutes(router, services);
    addBrowseRoutes(router, services);
    addFavouriteRoutes(router, services);
    addRatingRoutes(router, services);
    addPlayRoutes(router, services);
    addPlaylistRoutes(router, services);
    addPlayQueueRoutes(router, services);
    addMediaFileRoutes(router, services);
    addAuthRoutes(router, services);
    addAppPasswordRoutes(router, services);
    addActivityRoutes(router, services);
    addArtworkRoutes(router, services);
    addTranscodeRoutes(router, services);
    addPresetRoutes(router, services);
    addVideoPreviewRoutes(router, services);
    addHlsRoutes(router, services);
    addSubtitleRoutes(router, services);
    addOptimisedRoutes(router, services);
    addVideoCopyRoutes(router, services);
    addSubsonicRoutes(router, services);
    addDlnaRoutes(router, services);
    addDlnaSettingsRoutes(router, services);
    addWebRoutes(router);
}

} // namespace cairn
