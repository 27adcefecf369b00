// Browsing by tags: indexes, artists, albums, songs, genres, and the directory-style view of the
// same (artist → albums → songs) for clients that browse by folders.

#include "subsonic/EndpointTable.h"
#include "subsonic/ItemWriter.h"
#include "subsonic/SubsonicIds.h"
#include "subsonic/SubsonicScope.h"

#include "catalog/AlbumRepository.h"
#include "catalog/ArtistRepository.h"
#include "http/HttpServer.h"

#include <QMap>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

constexpr int kAll = std::numeric_limits<int>::max();
const QString kIgnoredArticles = u"The El La Los Las Le Les"_s;

// The index letter of an artist: its first letter after a leading article, "#" otherwise.
QString indexOf(const QString &name)
{
    QString key = name.trimmed();
    for (const QString &article : kIgnoredArticles.split(u' '))
        if (key.startsWith(article + u' ', Qt::CaseInsensitive)) {
            key = key.mid(article.size() + 1).trimmed();
            break;
        }
    const QChar first = key.isEmpty() ? QChar() : key.at(0).toUpper();
    return first.isLetter() ? QString(first) : u"#"_s;
}

// Artists that have albums, grouped by index letter.
void writeIndexes(const Database &db, const ItemWriter &writer, const Visibility &scope, Node &into)
{
    QMap<QString, QList<ArtistSummary>> groups;
    for (const ArtistSummary &a : ArtistRepository(db).list(0, kAll, scope).items)
        if (a.albumCount > 0)
            groups[indexOf(a.name)] << a;
    into.declareList(u"index"_s);
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        Node index(u"index"_s);
        index.set(u"name"_s, it.key());
        writer.artists(index, it.value());
        into.append(index);
    }
}

qint64 lastModifiedMs(const Database &db, const Visibility &scope)
{
    AlbumQuery newest;
    newest.order = AlbumOrder::RecentlyAdded;
    newest.limit = 1;
    const auto page = AlbumRepository(db).list(newest, scope);
    return page.items.isEmpty() ? 0 : page.items.first().addedAt.toMSecsSinceEpoch();
}

void getArtists(const Database &db, Call &call)
{
    const auto scope = scopeOf(call);
    if (!scope)
        return call.fail(scope.error());
    Node artists(u"artists"_s);
    artists.set(u"ignoredArticles"_s, kIgnoredArticles);
    writeIndexes(db, ItemWriter(db, call.identity().userId), *scope, artists);
    call.ok(artists);
}

void getIndexes(const Database &db, Call &call)
{
    const auto scope = scopeOf(call);
    if (!scope)
        return call.fail(scope.error());
    Node indexes(u"indexes"_s);
    const qint64 modified = lastModifiedMs(db, *scope);
    indexes.set(u"lastModified"_s, modified).set(u"ignoredArticles"_s, kIgnoredArticles);
    const auto since = call.params().integer(u"ifModifiedSince"_s, 0, 0, std::numeric_limits<qint64>::max());
    if (!since)
        return call.fail(since.error());
    if (*since == 0 || modified > *since)
        writeIndexes(db, ItemWriter(db, call.identity().userId), *scope, indexes);
    call.ok(indexes);
}

QList<AlbumSummary> albumsOf(const Database &db, qint64 artistId, const Visibility &visibility)
{
    AlbumQuery query;
    query.artistId = artistId;
    query.order = AlbumOrder::Artist;   // by year within the artist
    query.limit = kAll;
    return AlbumRepository(db).list(query, visibility).items;
}

void getArtist(const Database &db, Call &call)
{
    const auto id = parseIdOf(IdKind::Artist, call.params().value(u"id"_s), u"id"_s);
    if (!id)
        return call.fail(id.error());
    const Visibility &visibility = call.identity().visibility;
    const auto artist = ArtistRepository(db).find(*id, visibility);
    if (!artist)
        return call.fail(DomainError::notFound(u"no such artist"_s));
    const ItemWriter writer(db, call.identity().userId);
    Node node = writer.artist(*artist);
    writer.albums(node, albumsOf(db, *id, visibility));
    call.ok(node);
}

void getArtistInfo(const Database &db, Call &call, const QString &element)
{
    const auto id = parseIdOf(IdKind::Artist, call.params().value(u"id"_s), u"id"_s);
    if (!id)
        return call.fail(id.error());
    if (!ArtistRepository(db).find(*id, call.identity().visibility))
        return call.fail(DomainError::notFound(u"no such artist"_s));
    // Cairn keeps no biographies or similar artists: an honest empty answer.
    Node info(element);
    info.declareList(u"similarArtist"_s);
    call.ok(info);
}

void getAlbum(const Database &db, Call &call)
{
    const auto id = parseIdOf(IdKind::Album, call.params().value(u"id"_s), u"id"_s);
    if (!id)
        return call.fail(id.error());
    const Visibility &visibility = call.identity().visibility;
    const AlbumRepository albums(db);
    const auto album = albums.find(*id, visibility);
    if (!album)
        return call.fail(DomainError::notFound(u"no such album"_s));
    const ItemWriter writer(db, call.identity().userId);
    Node node = writer.album(*album);
    writer.songs(node, albums.tracks(*id, visibility));
    call.ok(node);
}

void getAlbumInfo(const Database &db, Call &call)
{
    const auto id = parseIdOf(IdKind::Album, call.params().value(u"id"_s), u"id"_s);
    if (!id)
        return call.fail(id.error());
    if (!AlbumRepository(db).find(*id, call.identity().visibility))
        return call.fail(DomainError::notFound(u"no such album"_s));
    call.ok(Node(u"albumInfo"_s));
}

void getSong(const Database &db, Call &call)
{
    const auto track = visibleSong(db, call);
    if (!track)
        return call.fail(track.error());
    call.ok(ItemWriter(db, call.identity().userId).song(*track));
}

void getGenres(const Database &db, Call &call)
{
    Node genres(u"genres"_s);
    genres.declareList(u"genre"_s);
    for (const GenreSummary &g : AlbumRepository(db).genres(call.identity().visibility))
        genres.append(Node(u"genre"_s).set(u"songCount"_s, g.trackCount).set(u"albumCount"_s, g.albumCount).setText(g.name));
    call.ok(genres);
}

// Directory view: an artist holds its albums, an album its songs.
void getMusicDirectory(const Database &db, Call &call)
{
    const auto id = parseItemId(call.params().value(u"id"_s), u"id"_s, IdKind::Album);
    if (!id)
        return call.fail(id.error());
    const Visibility &visibility = call.identity().visibility;
    const ItemWriter writer(db, call.identity().userId);
    Node dir(u"directory"_s);
    dir.set(u"id"_s, itemId(id->kind, id->value));
    if (id->kind == IdKind::Artist) {
        const auto artist = ArtistRepository(db).find(id->value, visibility);
        if (!artist)
            return call.fail(DomainError::notFound(u"no such directory"_s));
        dir.set(u"name"_s, artist->name);
        writer.albumDirectories(dir, albumsOf(db, id->value, visibility), u"child"_s);
        return call.ok(dir);
    }
    if (id->kind == IdKind::Album) {
        const AlbumRepository albums(db);
        const auto album = albums.find(id->value, visibility);
        if (!album)
            return call.fail(DomainError::notFound(u"no such directory"_s));
        dir.set(u"name"_s, album->title).set(u"parent"_s, itemId(IdKind::Artist, album->artistId));
        writer.songs(dir, albums.tracks(id->value, visibility), u"child"_s);
        return call.ok(dir);
    }
    call.fail(DomainError::notFound(u"no such directory"_s));
}

} // namespace

void addBrowsingEndpoints(EndpointTable &table, const HttpServices &services)
{
    const Database *db = services.database;
    table.add(u"getIndexes"_s, Access::User, [db](Call &call) { getIndexes(*db, call); });
    table.add(u"getArtists"_s, Access::User, [db](Call &call) { getArtists(*db, call); });
    table.add(u"getMusicDirectory"_s, Access::User, [db](Call &call) { getMusicDirectory(*db, call); });
    table.add(u"getArtist"_s, Access::User, [db](Call &call) { getArtist(*db, call); });
    table.add(u"getArtistInfo"_s, Access::User, [db](Call &call) { getArtistInfo(*db, call, u"artistInfo"_s); });
    table.add(u"getArtistInfo2"_s, Access::User, [db](Call &call) { getArtistInfo(*db, call, u"artistInfo2"_s); });
    table.add(u"getAlbum"_s, Access::User, [db](Call &call) { getAlbum(*db, call); });
    table.add(u"getAlbumInfo"_s, Access::User, [db](Call &call) { getAlbumInfo(*db, call); });
    table.add(u"getAlbumInfo2"_s, Access::User, [db](Call &call) { getAlbumInfo(*db, call); });
    table.add(u"getSong"_s, Access::User, [db](Call &call) { getSong(*db, call); });
    table.add(u"getGenres"_s, Access::User, [db](Call &call) { getGenres(*db, call); });
}

} // namespace cairn::subsonic
