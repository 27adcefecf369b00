#include "api/TrackList.h"

#include "catalog/TrackRepository.h"

#include "api/StateJson.h"

#include <QHash>

namespace cairn {

QJsonArray trackListJson(const Database &db, qint64 userId, const QList<qint64> &trackIds,
                         const Visibility &visibility)
{
    // One read per distinct track: the repository has no read by a list of ids, and a playlist
    // naming one track many times needs it once.
    const TrackRepository repository(db);
    QHash<qint64, std::optional<Track>> found;
    QList<Track> tracks;
    tracks.reserve(trackIds.size());
    for (const qint64 id : trackIds) {
        auto it = found.find(id);
        if (it == found.end())
            it = found.insert(id, repository.find(id, visibility));
        if (it->has_value())
            tracks << **it;
    }
    return tracksWithState(db, userId, tracks);
}

} // namespace cairn
