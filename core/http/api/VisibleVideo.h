#pragma once
// The catalog video a `/api/videos/{id}/…` URL names, as the caller may see it: one answer for
// every video route (a malformed id 400; unknown, hidden, audio or gone from disk 404).

#include "base/Result.h"
#include "catalog/Track.h"

#include <QString>

namespace cairn {

class Database;
struct Visibility;

Result<Track> visibleVideo(const Database &db, const QString &idText, const Visibility &visibility);

} // namespace cairn
