#include "subsonic/ItemWriter.h"

#include "catalog/AnnotationRepository.h"

namespace cairn::subsonic {
namespace {

UserState stateOf(const ItemAnnotation &a)
{
    UserState s;
    if (a.starredAt > 0)
        s.starred = QDateTime::fromSecsSinceEpoch(a.starredAt, Qt::UTC);
    s.rating = a.rating;
    s.playCount = a.playCount;
    if (a.lastPlayedAt > 0)
        s.played = QDateTime::fromSecsSinceEpoch(a.lastPlayedAt, Qt::UTC);
    return s;
}

template<typename T>
QList<qint64> idsOf(const QList<T> &items)
{
    QList<qint64> ids;
    ids.reserve(items.size());
    for (const T &item : items)
        ids << item.id;
    return ids;
}

} // namespace

QHash<qint64, UserState> ItemWriter::states(ItemKind kind, const QList<qint64> &ids) const
{
    QHash<qint64, UserState> result;
    if (m_userId <= 0 || ids.isEmpty())   // the local administrator of a server without users keeps no state
        return result;
    const auto annotations = AnnotationRepository(m_db).forItems(m_userId, kind, ids);
    for (auto it = annotations.cbegin(); it != annotations.cend(); ++it)
        result.insert(it.key(), stateOf(it.value()));
    return result;
}

void ItemWriter::songs(Node &parent, const QList<Track> &tracks, const QString &element) const
{
    parent.declareList(element);
    const auto state = states(ItemKind::Track, idsOf(tracks));
    for (const Track &t : tracks)
        parent.append(songNode(t, state.value(t.id), element));
}

void ItemWriter::albums(Node &parent, const QList<AlbumSummary> &albums, const QString &element) const
{
    parent.declareList(element);
    const auto state = states(ItemKind::Album, idsOf(albums));
    for (const AlbumSummary &a : albums)
        parent.append(albumNode(a, state.value(a.id), element));
}

void ItemWriter::albumDirectories(Node &parent, const QList<AlbumSummary> &albums, const QString &element) const
{
    parent.declareList(element);
    const auto state = states(ItemKind::Album, idsOf(albums));
    for (const AlbumSummary &a : albums)
        parent.append(albumDirectoryNode(a, state.value(a.id), element));
}

void ItemWriter::artists(Node &parent, const QList<ArtistSummary> &artists, const QString &element) const
{
    parent.declareList(element);
    const auto state = states(ItemKind::Artist, idsOf(artists));
    for (const ArtistSummary &a : artists)
        parent.append(artistNode(a, state.value(a.id), element));
}

Node ItemWriter::song(const Track &track, const QString &element) const
{
    return songNode(track, states(ItemKind::Track, {track.id}).value(track.id), element);
}

Node ItemWriter::album(const AlbumSummary &album, const QString &element) const
{
    return albumNode(album, states(ItemKind::Album, {album.id}).value(album.id), element);
}

Node ItemWriter::artist(const ArtistSummary &artist, const QString &element) const
{
    return artistNode(artist, states(ItemKind::Artist, {artist.id}).value(artist.id), element);
}

} // namespace cairn::subsonic
