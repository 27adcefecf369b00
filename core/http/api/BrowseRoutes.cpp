#include "api/BrowseRoutes.h"

#include "base/TextValues.h"
#include "catalog/AlbumRepository.h"
#include "catalog/ArtistRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/BrowseJson.h"
#include "api/StateJson.h"
#include "HttpExchange.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr qint64 kDefaultLimit = 50;
constexpr qint64 kMaxLimit = 500;
constexpr qint64 kSearchDefault = 10;
constexpr qint64 kSearchMax = 50;
constexpr int kMaxTextLength = 200;

struct Paging
{
    qint64 offset = 0;
    qint64 limit = kDefaultLimit;
    std::optional<NameCursor> after;   // keyset paging: instead of offset
};

// offset/limit, or limit and `after` (a cursor of `cursorKeys` keys that an earlier page gave as
// `next`, for lists by name), or the error already answered.
std::optional<Paging> pagingOf(HttpExchange &ex, int cursorKeys = 0)
{
    const QUrlQuery &query = ex.request().query;
    const Result<qint64> limit = intParam(query, u"limit"_s, kDefaultLimit, 1, kMaxLimit);
    if (!limit)
        return ex.fail(limit.error()), std::nullopt;
    if (cursorKeys > 0 && query.hasQueryItem(u"after"_s)) {
        if (query.hasQueryItem(u"offset"_s))
            return ex.fail(DomainError::invalid(u"'after' and 'offset' exclude each other"_s)), std::nullopt;
        const auto after = NameCursor::decoded(query.queryItemValue(u"after"_s, QUrl::FullyDecoded), cursorKeys);
        if (!after)
            return ex.fail(DomainError::invalid(u"'after' is not a cursor this server gave ('next')"_s)), std::nullopt;
        return Paging{0, *limit, after};
    }
    const Result<qint64> offset = intParam(query, u"offset"_s, 0, 0, std::numeric_limits<int>::max());
    if (!offset)
        return ex.fail(offset.error()), std::nullopt;
    return Paging{*offset, *limit, std::nullopt};
}

// A free-text parameter (q, genre), trimmed; too long is answered with 400.
std::optional<QString> textOf(HttpExchange &ex, const QString &name)
{
    const QString text = ex.request().query.queryItemValue(name, QUrl::FullyDecoded).trimmed();
    if (text.size() > kMaxTextLength)
        return ex.fail(DomainError::invalid(u"'%1' is longer than %2 characters"_s.arg(name).arg(kMaxTextLength))),
               std::nullopt;
    return text;
}

std::optional<AlbumOrder> albumOrderOf(HttpExchange &ex)
{
    static const QList<QPair<QString, AlbumOrder>> orders{
        {u"name"_s, AlbumOrder::Name},       {u"artist"_s, AlbumOrder::Artist},
        {u"year"_s, AlbumOrder::Year},       {u"added"_s, AlbumOrder::RecentlyAdded},
        {u"played"_s, AlbumOrder::MostPlayed}, {u"random"_s, AlbumOrder::Random},
        // The caller's own ratings, plays and stars.
        {u"rating"_s, AlbumOrder::HighestRated}, {u"frequent"_s, AlbumOrder::FrequentlyPlayed},
        {u"recent"_s, AlbumOrder::RecentlyPlayed}, {u"starred"_s, AlbumOrder::RecentlyStarred}};
    const QString sort = ex.request().query.queryItemValue(u"sort"_s, QUrl::FullyDecoded);
    if (sort.isEmpty())
        return AlbumOrder::Name;
    QStringList names;
    for (const auto &[name, order] : orders) {
        if (name == sort)
            return order;
        names << name;
    }
    ex.fail(DomainError::invalid(u"'sort' must be one of: %1"_s.arg(names.join(u", "_s)), names));
    return std::nullopt;
}

template<typename T, typename ToJson>
QJsonArray jsonArray(const QList<T> &items, ToJson toJson)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

// A page; `next` (a cursor or null) when the list is by name and so can be paged with `after`.
void respondPage(HttpExchange &ex, const QJsonArray &items, qint64 total, const Paging &paging,
                 std::optional<std::optional<NameCursor>> next = std::nullopt)
{
    QJsonObject body{{u"items"_s, items}, {u"total"_s, total}, {u"limit"_s, paging.limit}};
    if (!paging.after)
        body.insert(u"offset"_s, paging.offset);
    if (next)
        body.insert(u"next"_s, *next ? QJsonValue((*next)->encoded()) : QJsonValue());
    ex.respond(HttpResponse::json(200, QJsonDocument(body)));
}

void listAlbums(const Database &db, HttpExchange &ex)
{
    const auto paging = pagingOf(ex, 2);
    if (!paging)
        return;
    const auto order = albumOrderOf(ex);
    if (!order)
        return;
    if (paging->after && *order != AlbumOrder::Name)
        return ex.fail(DomainError::invalid(u"'after' pages albums by name only"_s));
    const auto genre = textOf(ex, u"genre"_s);
    if (!genre)
        return;
    const auto search = textOf(ex, u"q"_s);
    if (!search)
        return;
    AlbumQuery query;
    query.offset = paging->offset;
    query.limit = int(paging->limit);
    query.after = paging->after;
    query.order = *order;
    query.genre = *genre;
    query.search = *search;
    query.userId = ex.identity().userId;
    if (ex.request().query.hasQueryItem(u"artist"_s)) {
        const Result<qint64> artist = requireId(ex.request().query.queryItemValue(u"artist"_s), u"artist"_s);
        if (!artist)
            return ex.fail(artist.error());
        query.artistId = *artist;
    }
    const Page<AlbumSummary> page = AlbumRepository(db).list(query, ex.identity().visibility);
    respondPage(ex, albumsWithState(db, ex.identity().userId, page.items), page.total, *paging,
                *order == AlbumOrder::Name ? std::optional<std::optional<NameCursor>>(page.next) : std::nullopt);
}

void showAlbum(const Database &db, const QString &idText, HttpExchange &ex)
{
    const Result<qint64> id = requireId(idText, u"album"_s);
    if (!id)
        return ex.fail(id.error());
    const AlbumRepository albums(db);
    const auto album = albums.find(*id, ex.identity().visibility);
    if (!album)
        return ex.fail(DomainError::notFound(u"no such album"_s));
    const qint64 userId = ex.identity().userId;
    QJsonObject body = albumsWithState(db, userId, {*album}).first().toObject();
    body.insert(u"tracks"_s, tracksWithState(db, userId, albums.tracks(*id, ex.identity().visibility)));
    ex.respond(HttpResponse::json(200, QJsonDocument(body)));
}

void listArtists(const Database &db, HttpExchange &ex)
{
    const auto paging = pagingOf(ex, 1);
    if (!paging)
        return;
    const QString sort = ex.request().query.queryItemValue(u"sort"_s);
    if (!sort.isEmpty() && sort != u"name"_s)
        return ex.fail(DomainError::invalid(u"'sort' must be one of: name"_s, {u"name"_s}));
    const auto search = textOf(ex, u"q"_s);
    if (!search)
        return;
    ArtistQuery query;
    query.offset = paging->offset;
    query.limit = int(paging->limit);
    query.search = *search;
    query.after = paging->after;
    const Page<ArtistSummary> page = ArtistRepository(db).list(query, ex.identity().visibility);
    respondPage(ex, artistsWithState(db, ex.identity().userId, page.items), page.total, *paging, page.next);
}

void showArtist(const Database &db, const QString &idText, HttpExchange &ex)
{
    const Result<qint64> id = requireId(idText, u"artist"_s);
    if (!id)
        return ex.fail(id.error());
    const auto artist = ArtistRepository(db).find(*id, ex.identity().visibility);
    if (!artist)
        return ex.fail(DomainError::notFound(u"no such artist"_s));
    AlbumQuery query;
    query.artistId = *id;
    query.limit = int(kMaxLimit);
    query.order = AlbumOrder::Artist;   // within one artist: by year, then title
    const qint64 userId = ex.identity().userId;
    QJsonObject body = artistsWithState(db, userId, {*artist}).first().toObject();
    const QList<AlbumSummary> albums = AlbumRepository(db).list(query, ex.identity().visibility).items;
    body.insert(u"albums"_s, albumsWithState(db, userId, albums));
    ex.respond(HttpResponse::json(200, QJsonDocument(body)));
}

void listVideos(const Database &db, HttpExchange &ex)
{
    const auto paging = pagingOf(ex);
    if (!paging)
        return;
    const auto search = textOf(ex, u"q"_s);
    if (!search)
        return;
    const TrackPage page = TrackRepository(db).list(paging->offset, int(paging->limit), *search,
                                                    ex.identity().visibility, MediaKind::Video);
    respondPage(ex, tracksWithState(db, ex.identity().userId, page.items), page.total, *paging);
}

// One query, three groups of music: what a search box shows while the user types (videos have
// their own page and its q).
void search(const Database &db, HttpExchange &ex)
{
    const Result<qint64> limit = intParam(ex.request().query, u"limit"_s, kSearchDefault, 1, kSearchMax);
    if (!limit)
        return ex.fail(limit.error());
    const auto text = textOf(ex, u"q"_s);
    if (!text)
        return;
    const int n = int(*limit);
    const Visibility &visibility = ex.identity().visibility;
    const qint64 userId = ex.identity().userId;
    QJsonObject body{{u"artists"_s, QJsonArray()}, {u"albums"_s, QJsonArray()}, {u"tracks"_s, QJsonArray()}};
    if (!text->isEmpty()) {
        AlbumQuery albums;
        albums.limit = n;
        albums.search = *text;
        // No totals: the groups show their first matches, the most relevant first.
        albums.withTotal = false;
        SongQuery tracks;
        tracks.search = *text;
        tracks.limit = n;
        body = QJsonObject{
            {u"artists"_s, artistsWithState(db, userId, ArtistRepository(db).list(0, n, visibility, *text).items)},
            {u"albums"_s, albumsWithState(db, userId, AlbumRepository(db).list(albums, visibility).items)},
            {u"tracks"_s,
             tracksWithState(db, userId, TrackRepository(db).songs(tracks, visibility))},
        };
    }
    ex.respond(HttpResponse::json(200, QJsonDocument(body)));
}

} // namespace

void addBrowseRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;
    const QList<HttpMethod> read{HttpMethod::Get, HttpMethod::Head};
    router.add(read, u"/api/albums"_s, Access::User, [&db](const QStringList &, HttpExchange &ex) { listAlbums(db, ex); });
    router.add(read, u"/api/albums/{id}"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { showAlbum(db, params.at(0), ex); });
    router.add(read, u"/api/artists"_s, Access::User, [&db](const QStringList &, HttpExchange &ex) { listArtists(db, ex); });
    router.add(read, u"/api/artists/{id}"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { showArtist(db, params.at(0), ex); });
    router.add(read, u"/api/genres"_s, Access::User, [&db](const QStringList &, HttpExchange &ex) {
        const QList<GenreSummary> genres = AlbumRepository(db).genres(ex.identity().visibility);
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"items"_s, jsonArray(genres, genreToJson)}})));
    });
    router.add(read, u"/api/videos"_s, Access::User, [&db](const QStringList &, HttpExchange &ex) { listVideos(db, ex); });
    router.add(read, u"/api/search"_s, Access::User, [&db](const QStringList &, HttpExchange &ex) { search(db, ex); });
}

} // namespace cairn
