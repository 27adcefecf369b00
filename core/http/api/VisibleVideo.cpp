#include "api/VisibleVideo.h"

#include "base/TextValues.h"
#include "catalog/TrackRepository.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

Result<Track> visibleVideo(const Database &db, const QString &idText, const Visibility &visibility)
{
    const auto id = requireId(idText, u"video"_s);
    if (!id)
        return id.error();
    const auto track = TrackRepository(db).find(*id, visibility);
    if (!track || track->kind != MediaKind::Video || !QFileInfo(track->path).isFile())
        return DomainError::notFound(u"no such video"_s);
    return *track;
}

} // namespace cairn
