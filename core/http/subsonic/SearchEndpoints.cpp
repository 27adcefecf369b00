// search2 and search3: artists, albums and songs matching a text, each paged on its own. An
// empty query (also `""`, as some clients send it) lists everything: that is how clients such
// as Symfonium sync a whole library.

#include "subsonic/EndpointTable.h"
#include "subsonic/ItemWriter.h"
#include "subsonic/SubsonicScope.h"

#include "catalog/AlbumRepository.h"
#include "catalog/ArtistRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

enum class Style { Directories, Id3 };   // search2, search3

struct Window
{
    qint64 offset = 0;
    int count = 20;
};

// `<what>Count` (0–500, default 20) and `<what>Offset`.
Result<Window> windowOf(const Params &params, const QString &what)
{
    const auto count = params.integer(what + u"Count"_s, 20, 0, 500);
    if (!count)
        return count.error();
    const auto offset = params.integer(what + u"Offset"_s, 0, 0, std::numeric_limits<qint64>::max());
    if (!offset)
        return offset.error();
    return Window{*offset, int(*count)};
}

// Quotes around the whole text and a trailing wildcard are how clients say "anything".
QString searchText(QString query)
{
    query = query.trimmed();
    if (query.size() >= 2 && query.startsWith(u'"') && query.endsWith(u'"'))
        query = query.mid(1, query.size() - 2).trimmed();
    while (query.endsWith(u'*'))
        query.chop(1);
    return query.trimmed();
}

void search(const Database &db, Call &call, Style style)
{
    const Params &params = call.params();
    const auto scope = scopeOf(call);
    if (!scope)
        return call.fail(scope.error());
    if (style == Style::Directories && !params.has(u"query"_s))
        return call.fail(DomainError::invalid(u"required parameter 'query' is missing"_s));
    const auto artists = windowOf(params, u"artist"_s);
    const auto albums = windowOf(params, u"album"_s);
    const auto songs = windowOf(params, u"song"_s);
    for (const auto *w : {&artists, &albums, &songs})
        if (!*w)
            return call.fail(w->error());
    const QString text = searchText(params.value(u"query"_s));

    // No totals: the answer has none. An empty text pages through every song by id, the cheapest
    // order that never repeats or skips one while the library stays as it is.
    ArtistQuery artistQuery;
    artistQuery.offset = artists->offset;
    artistQuery.limit = artists->count;
    artistQuery.search = text;
    artistQuery.withTotal = false;
    AlbumQuery albumQuery;
    albumQuery.offset = albums->offset;
    albumQuery.limit = albums->count;
    albumQuery.search = text;
    albumQuery.withTotal = false;
    SongQuery songQuery;
    songQuery.order = text.isEmpty() ? SongOrder::Id : SongOrder::Library;
    songQuery.search = text;
    songQuery.offset = songs->offset;
    songQuery.limit = songs->count;

    const ItemWriter writer(db, call.identity().userId);
    Node result(style == Style::Id3 ? u"searchResult3"_s : u"searchResult2"_s);
    writer.artists(result, ArtistRepository(db).list(artistQuery, *scope).items);
    const QList<AlbumSummary> found = AlbumRepository(db).list(albumQuery, *scope).items;
    if (style == Style::Id3)
        writer.albums(result, found);
    else
        writer.albumDirectories(result, found);
    writer.songs(result, TrackRepository(db).songs(songQuery, *scope));
    call.ok(result);
}

} // namespace

void addSearchEndpoints(EndpointTable &table, const HttpServices &services)
{
    const Database *db = services.database;
    table.add(u"search2"_s, Access::User, [db](Call &call) { search(*db, call, Style::Directories); });
    table.add(u"search3"_s, Access::User, [db](Call &call) { search(*db, call, Style::Id3); });
}

} // namespace cairn::subsonic
