// Song lists: random songs, songs of a genre, and the caller's favourites (getStarred with
// directory-style albums, getStarred2 with ID3 ones).

#include "subsonic/EndpointTable.h"
#include "subsonic/ItemWriter.h"
#include "subsonic/SubsonicScope.h"

#include "catalog/FavouriteRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

enum class Style { Directories, Id3 };   // getStarred, getStarred2

Result<std::optional<int>> optionalYear(const Params &params, const QString &name)
{
    if (!params.has(name))
        return std::optional<int>();
    const auto year = params.integer(name, 0, 0, 9999);
    if (!year)
        return year.error();
    return std::optional<int>(int(*year));
}

void randomSongs(const Database &db, Call &call)
{
    const Params &params = call.params();
    const auto scope = scopeOf(call);
    if (!scope)
        return call.fail(scope.error());
    const auto size = params.integer(u"size"_s, 10, 1, 500);
    if (!size)
        return call.fail(size.error());
    const auto from = optionalYear(params, u"fromYear"_s);
    if (!from)
        return call.fail(from.error());
    const auto to = optionalYear(params, u"toYear"_s);
    if (!to)
        return call.fail(to.error());
    SongQuery query;
    query.order = SongOrder::Random;
    query.limit = int(*size);
    query.genre = params.value(u"genre"_s);
    query.fromYear = *from;
    query.toYear = *to;
    Node list(u"randomSongs"_s);
    ItemWriter(db, call.identity().userId).songs(list, TrackRepository(db).songs(query, *scope));
    call.ok(list);
}

void songsByGenre(const Database &db, Call &call)
{
    const Params &params = call.params();
    const auto scope = scopeOf(call);
    if (!scope)
        return call.fail(scope.error());
    const auto genre = params.required(u"genre"_s);
    if (!genre)
        return call.fail(genre.error());
    const auto count = params.integer(u"count"_s, 10, 1, 500);
    if (!count)
        return call.fail(count.error());
    const auto offset = params.integer(u"offset"_s, 0, 0, std::numeric_limits<qint64>::max());
    if (!offset)
        return call.fail(offset.error());
    SongQuery query;
    query.genre = *genre;
    query.limit = int(*count);
    query.offset = *offset;
    Node list(u"songsByGenre"_s);
    ItemWriter(db, call.identity().userId).songs(list, TrackRepository(db).songs(query, *scope));
    call.ok(list);
}

void starred(const Database &db, Call &call, Style style)
{
    const auto scope = scopeOf(call);
    if (!scope)
        return call.fail(scope.error());
    const qint64 user = call.identity().userId;
    const FavouriteRepository favourites(db);
    const ItemWriter writer(db, user);
    Node list(style == Style::Id3 ? u"starred2"_s : u"starred"_s);
    writer.artists(list, favourites.starredArtists(user, *scope));
    if (style == Style::Id3)
        writer.albums(list, favourites.starredAlbums(user, *scope));
    else
        writer.albumDirectories(list, favourites.starredAlbums(user, *scope));
    writer.songs(list, favourites.starredTracks(user, *scope));
    call.ok(list);
}

} // namespace

void addSongListEndpoints(EndpointTable &table, const HttpServices &services)
{
    const Database *db = services.database;
    table.add(u"getRandomSongs"_s, Access::User, [db](Call &call) { randomSongs(*db, call); });
    table.add(u"getSongsByGenre"_s, Access::User, [db](Call &call) { songsByGenre(*db, call); });
    table.add(u"getStarred"_s, Access::User, [db](Call &call) { starred(*db, call, Style::Directories); });
    table.add(u"getStarred2"_s, Access::User, [db](Call &call) { starred(*db, call, Style::Id3); });
}

} // namespace cairn::subsonic
