#include "subsonic/ItemWriter.h"

namespace cairn::subsonic {

void ItemWriter::songs(Node &parent, const QList<Track> &tracks, const QString &element) const
{
    parent.declareList(element);
    for (const Track &t : tracks)
        parent.append(songNode(t, {}, element));
}

void ItemWriter::albums(Node &parent, const QList<AlbumSummary> &albums, const QString &element) const
{
    parent.declareList(element);
    for (const AlbumSummary &a : albums)
        parent.append(albumNode(a, {}, element));
}

void ItemWriter::albumDirectories(Node &parent, const QList<AlbumSummary> &albums, const QString &element) const
{
    parent.declareList(element);
    for (const AlbumSummary &a : albums)
        parent.append(albumDirectoryNode(a, {}, element));
}

void ItemWriter::artists(Node &parent, const QList<ArtistSummary> &artists, const QString &element) const
{
    parent.declareList(element);
    for (const ArtistSummary &a : artists)
        parent.append(artistNode(a, {}, element));
}

Node ItemWriter::song(const Track &track, const QString &element) const
{
    return songNode(track, {}, element);
}

Node ItemWriter::album(const AlbumSummary &album, const QString &element) const
{
    return albumNode(album, {}, element);
}

Node ItemWriter::artist(const ArtistSummary &artist, const QString &element) const
{
    return artistNode(artist, {}, element);
}

} // namespace cairn::subsonic
