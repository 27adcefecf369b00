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

template<typename Item, typename Build>
void ItemWriter::write(Node &parent, ItemKind kind, const QList<Item> &items, const QString &element, Build build) const
{
    parent.declareList(element);
    const auto state = states(kind, idsOf(items));
    for (const Item &item : items)
        parent.append(build(item, state.value(item.id), element));
}

void ItemWriter::songs(Node &parent, const QList<Track> &tracks, const QString &element) const
{
    write(parent, ItemKind::Track, tracks, element, songNode);
}

void ItemWriter::albums(Node &parent, const QList<AlbumSummary> &albums, const QString &element) const
{
    write(parent, ItemKind::Album, albums, element, albumNode);
}

void ItemWriter::albumDirectories(Node &parent, const QList<AlbumSummary> &albums, const QString &element) const
{
    write(parent, ItemKind::Album, albums, element, albumDirectoryNode);
}

void ItemWriter::artists(Node &parent, const QList<ArtistSummary> &artists, const QString &element) const
{
    write(parent, ItemKind::Artist, artists, element, artistNode);
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
