#include "subsonic/SubsonicScope.h"

#include "subsonic/SubsonicIds.h"

#include "catalog/TrackRepository.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {

Result<Visibility> scopeOf(const Call &call)
{
    const Visibility &mine = call.identity().visibility;
    if (!call.params().has(u"musicFolderId"_s))
        return mine;
    const auto folder = call.params().integer(u"musicFolderId"_s, 0, 1, std::numeric_limits<qint64>::max());
    if (!folder)
        return folder.error();
    return mine.allowsFolder(*folder) ? Visibility::folders({*folder}) : Visibility::folders({});
}

Result<Track> visibleSong(const Database &db, const Call &call, const QString &parameter)
{
    const auto id = parseIdOf(IdKind::Track, call.params().value(parameter), parameter);
    if (!id)
        return id.error();
    const auto track = TrackRepository(db).find(*id, call.identity().visibility);
    if (!track)
        return DomainError::notFound(u"no such song"_s);
    return *track;
}

} // namespace cairn::subsonic
