#include "subsonic/SubsonicItems.h"

#include "subsonic/SubsonicIds.h"

#include "stream/MediaType.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

void addState(Node &node, const UserState &state, bool withPlays)
{
    if (state.starred.isValid())
        node.set(u"starred"_s, isoDate(state.starred));
    if (state.rating > 0)
        node.set(u"userRating"_s, state.rating);
    if (withPlays) {
        node.set(u"playCount"_s, state.playCount);
        if (state.played.isValid())
            node.set(u"played"_s, isoDate(state.played));
    }
}

Node nameRef(const QString &element, const QString &id, const QString &name)
{
    return Node(element).set(u"id"_s, id).set(u"name"_s, name);
}

// A path clients may show or use to group files; never the file's real location.
QString displayPath(const Track &track)
{
    const QString artist = track.albumArtistName.isEmpty() ? track.artistName : track.albumArtistName;
    return artist + u'/' + track.albumTitle + u'/' + QFileInfo(track.path).fileName();
}

QString coverOf(const Track &track)
{
    return track.albumId > 0 ? itemId(IdKind::Album, track.albumId) : itemId(IdKind::Track, track.id);
}

void addAlbumFacts(Node &node, const AlbumSummary &album)
{
    node.set(u"artist"_s, album.artistName)
        .set(u"artistId"_s, itemId(IdKind::Artist, album.artistId))
        .set(u"coverArt"_s, itemId(IdKind::Album, album.id))
        .set(u"songCount"_s, album.trackCount)
        .set(u"duration"_s, album.durationMs / 1000)
        .set(u"created"_s, isoDate(album.addedAt));
    if (album.year > 0)
        node.set(u"year"_s, album.year);
    if (!album.genre.isEmpty()) {
        node.set(u"genre"_s, album.genre);
        node.append(Node(u"genres"_s).set(u"name"_s, album.genre));
    } else {
        node.declareList(u"genres"_s);
    }
}

} // namespace

QString isoDate(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString isoDateFromSecs(qint64 secs)
{
    return isoDate(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC));
}

Node songNode(const Track &track, const UserState &state, const QString &element)
{
    const bool video = track.kind == MediaKind::Video;
    const QString title = track.title.isEmpty() ? QFileInfo(track.path).completeBaseName() : track.title;
    Node n(element);
    n.set(u"id"_s, itemId(IdKind::Track, track.id))
        .set(u"isDir"_s, false)
        .set(u"title"_s, title)
        .set(u"album"_s, track.albumTitle)
        .set(u"artist"_s, track.artistName)
        .set(u"coverArt"_s, coverOf(track))
        .set(u"size"_s, track.size)
        .set(u"contentType"_s, QString::fromLatin1(mediaTypeForFormat(track.format)))
        .set(u"suffix"_s, track.format)
        .set(u"duration"_s, track.durationMs / 1000)
        .set(u"path"_s, displayPath(track))
        .set(u"isVideo"_s, video)
        .set(u"created"_s, isoDate(track.mtime))
        .set(u"type"_s, video ? u"video"_s : u"music"_s)
        .set(u"mediaType"_s, video ? u"video"_s : u"song"_s);
    if (track.albumId > 0)
        n.set(u"parent"_s, itemId(IdKind::Album, track.albumId)).set(u"albumId"_s, itemId(IdKind::Album, track.albumId));
    if (track.artistId > 0)
        n.set(u"artistId"_s, itemId(IdKind::Artist, track.artistId));
    if (track.trackNumber > 0)
        n.set(u"track"_s, track.trackNumber);
    if (track.discNumber > 0)
        n.set(u"discNumber"_s, track.discNumber);
    if (track.year > 0)
        n.set(u"year"_s, track.year);
    if (track.bitrate > 0)
        n.set(u"bitRate"_s, track.bitrate);
    if (track.sampleRate > 0)
        n.set(u"samplingRate"_s, track.sampleRate);
    if (track.channels > 0)
        n.set(u"channelCount"_s, track.channels);
    n.set(u"displayArtist"_s, track.artistName);
    if (!track.albumArtistName.isEmpty())
        n.set(u"displayAlbumArtist"_s, track.albumArtistName);
    if (!track.genre.isEmpty()) {
        n.set(u"genre"_s, track.genre);
        n.append(Node(u"genres"_s).set(u"name"_s, track.genre));
    } else {
        n.declareList(u"genres"_s);
    }
    if (track.artistId > 0)
        n.append(nameRef(u"artists"_s, itemId(IdKind::Artist, track.artistId), track.artistName));
    else
        n.declareList(u"artists"_s);
    addState(n, state, true);
    return n;
}

Node albumNode(const AlbumSummary &album, const UserState &state, const QString &element)
{
    Node n(element);
    n.set(u"id"_s, itemId(IdKind::Album, album.id)).set(u"name"_s, album.title);
    addAlbumFacts(n, album);
    n.set(u"displayArtist"_s, album.artistName);
    n.append(nameRef(u"artists"_s, itemId(IdKind::Artist, album.artistId), album.artistName));
    addState(n, state, true);
    return n;
}

Node albumDirectoryNode(const AlbumSummary &album, const UserState &state, const QString &element)
{
    Node n(element);
    n.set(u"id"_s, itemId(IdKind::Album, album.id))
        .set(u"parent"_s, itemId(IdKind::Artist, album.artistId))
        .set(u"isDir"_s, true)
        .set(u"title"_s, album.title)
        .set(u"name"_s, album.title)
        .set(u"album"_s, album.title);
    addAlbumFacts(n, album);
    addState(n, state, true);
    return n;
}

Node artistNode(const ArtistSummary &artist, const UserState &state, const QString &element)
{
    Node n(element);
    n.set(u"id"_s, itemId(IdKind::Artist, artist.id))
        .set(u"name"_s, artist.name)
        .set(u"coverArt"_s, itemId(IdKind::Artist, artist.id))
        .set(u"albumCount"_s, artist.albumCount);
    addState(n, state, false);
    return n;
}

} // namespace cairn::subsonic
