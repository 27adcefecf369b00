#pragma once
// What part of the library a Subsonic request covers: the caller's visibility, narrowed to one
// music folder when the request names `musicFolderId`.

#include "subsonic/SubsonicCall.h"

#include "catalog/Track.h"
#include "catalog/Visibility.h"

namespace cairn {
class Database;
}

namespace cairn::subsonic {

// InvalidInput for a malformed id; a folder the caller may not see narrows to nothing.
Result<Visibility> scopeOf(const Call &call);

// The song named by the request's `parameter` when the caller may see it: InvalidInput for a
// malformed id, NotFound for one that is unknown or hidden.
Result<Track> visibleSong(const Database &db, const Call &call, const QString &parameter = QStringLiteral("id"));

} // namespace cairn::subsonic
