// Album lists (getAlbumList, getAlbumList2) by the spec's types, the per-user ones (highest,
// frequent, recent, starred) read from the caller's own ratings, plays and favourites.

#include "subsonic/EndpointTable.h"
#include "subsonic/ItemWriter.h"
#include "subsonic/SubsonicScope.h"

#include "catalog/AlbumRepository.h"
#include "http/HttpServer.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

enum class Style { Directories, Id3 };   // getAlbumList, getAlbumList2

const QStringList kListTypes{u"random"_s, u"newest"_s, u"highest"_s, u"frequent"_s, u"recent"_s,
                             u"alphabeticalByName"_s, u"alphabeticalByArtist"_s, u"starred"_s,
                             u"byYear"_s, u"byGenre"_s};

// The spec's list type and its parameters as an album query.
Result<AlbumQuery> albumQueryOf(const Params &params, qint64 userId)
{
    const auto type = params.required(u"type"_s);
    if (!type)
        return type.error();
    if (!kListTypes.contains(*type))
        return DomainError::invalid(u"unknown list type '%1'"_s.arg(type->left(64)), kListTypes);
    const auto size = params.integer(u"size"_s, 10, 1, 500);
    if (!size)
        return size.error();
    const auto offset = params.integer(u"offset"_s, 0, 0, std::numeric_limits<qint64>::max());
    if (!offset)
        return offset.error();
    AlbumQuery q;
    q.limit = int(*size);
    q.offset = *offset;
    q.userId = userId;
    q.withTotal = false;   // the answer has no total
    if (*type == u"random"_s)
        q.order = AlbumOrder::Random;
    else if (*type == u"newest"_s)
        q.order = AlbumOrder::RecentlyAdded;
    else if (*type == u"alphabeticalByName"_s)
        q.order = AlbumOrder::Name;
    else if (*type == u"alphabeticalByArtist"_s)
        q.order = AlbumOrder::Artist;
    else if (*type == u"highest"_s)
        q.order = AlbumOrder::HighestRated;
    else if (*type == u"frequent"_s)
        q.order = AlbumOrder::FrequentlyPlayed;
    else if (*type == u"recent"_s)
        q.order = AlbumOrder::RecentlyPlayed;
    else if (*type == u"starred"_s) {
        q.order = AlbumOrder::RecentlyStarred;
        q.starredOnly = true;
    } else if (*type == u"byGenre"_s) {
        const auto genre = params.required(u"genre"_s);
        if (!genre)
            return genre.error();
        q.genre = *genre;
    } else if (*type == u"byYear"_s) {
        const auto from = params.requiredInteger(u"fromYear"_s, 0, 9999);
        if (!from)
            return from.error();
        const auto to = params.requiredInteger(u"toYear"_s, 0, 9999);
        if (!to)
            return to.error();
        q.fromYear = int(*from);
        q.toYear = int(*to);
    }
    return q;
}

void albumList(const Database &db, Call &call, Style style)
{
    const auto scope = scopeOf(call);
    if (!scope)
        return call.fail(scope.error());
    const auto query = albumQueryOf(call.params(), call.identity().userId);
    if (!query)
        return call.fail(query.error());
    const QList<AlbumSummary> albums = AlbumRepository(db).list(*query, *scope).items;
    const ItemWriter writer(db, call.identity().userId);
    if (style == Style::Id3) {
        Node list(u"albumList2"_s);
        writer.albums(list, albums);
        return call.ok(list);
    }
    Node list(u"albumList"_s);
    writer.albumDirectories(list, albums);
    call.ok(list);
}

} // namespace

void addListEndpoints(EndpointTable &table, const HttpServices &services)
{
    const Database *db = services.database;
    table.add(u"getAlbumList"_s, Access::User, [db](Call &call) { albumList(*db, call, Style::Directories); });
    table.add(u"getAlbumList2"_s, Access::User, [db](Call &call) { albumList(*db, call, Style::Id3); });
}

} // namespace cairn::subsonic
