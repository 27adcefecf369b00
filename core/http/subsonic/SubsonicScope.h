#pragma once
// What part of the library a Subsonic request covers: the caller's visibility, narrowed to one
// music folder when the request names `musicFolderId`.

#include "subsonic/SubsonicCall.h"

#include "catalog/Visibility.h"

namespace cairn::subsonic {

// InvalidInput for a malformed id; a folder the caller may not see narrows to nothing.
Result<Visibility> scopeOf(const Call &call);

} // namespace cairn::subsonic
