// Route ids and query parameters as the JSON API reads them: the request target split and
// decoded as HttpRequest::fromQt does, matched against the server's real route table (core/http
// Router + addApiRoutes), every captured id parsed, and the query read by the shared parameter
// parsers (base TextValues, api VideoPreviewQuery, delivery TranscodeQuery, catalog LibraryCursor, NameCursor).
// Input: the method on the first line, the request target ("/api/tracks/12?limit=5") after it.

#include "FuzzSupport.h"

#include "api/ApiRoutes.h"
#include "api/VideoPreviewQuery.h"
#include "base/TextValues.h"
#include "catalog/Database.h"
#include "catalog/LibraryCursor.h"
#include "catalog/NameCursor.h"
#include "delivery/TranscodeQuery.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "preview/VideoPreviews.h"

#include <QDir>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace cairn;
using namespace Qt::Literals::StringLiterals;

namespace {

// The routes are registered once; handlers never run, so the catalog file is never opened.
const Router &apiRouter()
{
    static const Router router = [] {
        fuzz::ensureApplication();
        static Database db(QDir::temp().filePath(u"cairn-fuzz-never-opened.db"_s));
        HttpServices services;
        services.database = &db;
        Router r;
        addApiRoutes(r, services);
        return r;
    }();
    return router;
}

HttpMethod methodOf(QByteArrayView name)
{
    for (HttpMethod m : {HttpMethod::Get, HttpMethod::Head, HttpMethod::Post, HttpMethod::Put,
                         HttpMethod::Delete, HttpMethod::Options, HttpMethod::Patch})
        if (name == methodName(m))
            return m;
    return HttpMethod::Other;
}

// The same steps as HttpRequest::fromQt, from the target QtHttpServer would have parsed.
HttpRequest requestFor(HttpMethod method, QByteArrayView target)
{
    HttpRequest r;
    r.method = method;
    const QUrl url(QString::fromLatin1(target), QUrl::TolerantMode);
    const QByteArray encodedPath = url.path(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &part : encodedPath.split('/')) {
        if (!part.isEmpty())
            r.segments << QString::fromUtf8(QByteArray::fromPercentEncoding(part));
    }
    r.path = u'/' + r.segments.join(u'/');
    QString query = url.query(QUrl::FullyEncoded);
    query.replace(u'+', u"%20"_s);
    r.query = QUrlQuery(query);
    return r;
}

void checkIdText(const QString &text)
{
    const auto decimal = parseDecimal(text);
    const bool digits = !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    fuzz::require(!decimal || (digits && *decimal >= 0 && *decimal == text.toLongLong()), "a decimal is its digits");
    const auto id = parseId(text);
    fuzz::require(!id || *id > 0, "an id is positive");
    fuzz::require(requireId(text, u"track"_s).ok() == id.has_value(), "requireId agrees with parseId");
}

void checkQuery(const QUrlQuery &query)
{
    const struct { QString name; qint64 fallback, min, max; } ints[] = {
        {u"limit"_s, 100, 1, 1000},
        {u"offset"_s, 0, 0, std::numeric_limits<int>::max()},
        {u"kBps"_s, 0, 0, 10'000'000},
        {u"count"_s, 10, 1, 100},
    };
    for (const auto &p : ints) {
        const auto v = intParam(query, p.name, p.fallback, p.min, p.max);
        fuzz::require(!v || *v == p.fallback || (*v >= p.min && *v <= p.max), "an int parameter is in range");
    }
    if (query.hasQueryItem(u"artist"_s))
        checkIdText(query.queryItemValue(u"artist"_s));
    if (query.hasQueryItem(u"after"_s)) {
        const auto cursor = LibraryCursor::decoded(query.queryItemValue(u"after"_s, QUrl::FullyDecoded));
        if (cursor) {
            const auto again = LibraryCursor::decoded(cursor->encoded());
            fuzz::require(again && again->albumId == cursor->albumId && again->trackId == cursor->trackId
                              && again->title == cursor->title && again->albumArtistKey == cursor->albumArtistKey
                              && again->albumTitleKey == cursor->albumTitleKey
                              && again->discNumber == cursor->discNumber && again->trackNumber == cursor->trackNumber,
                          "a cursor reads back as it was written");
            fuzz::require(cursor->trackId > 0 && cursor->albumId >= 0, "a cursor's ids are ids");
        }
        for (const int keys : {1, 2}) {
            const auto named = NameCursor::decoded(query.queryItemValue(u"after"_s, QUrl::FullyDecoded), keys);
            if (!named)
                continue;
            const auto again = NameCursor::decoded(named->encoded(), keys);
            fuzz::require(again && again->keys == named->keys && again->id == named->id && named->keys.size() == keys,
                          "a name cursor reads back as it was written");
        }
    }

    for (qint64 duration : {qint64(0), qint64(90'500), std::numeric_limits<qint64>::max()}) {
        const auto t = previewTimeParam(query, duration);
        fuzz::require(!t || (*t >= 0 && *t <= qMax<qint64>(0, duration)), "a preview time is inside the video");
    }
    const auto width = previewWidthParam(query);
    fuzz::require(!width || (*width >= VideoPreviews::kMinWidth && *width <= VideoPreviews::kMaxWidth),
                  "a preview width is clamped");
    const auto count = previewCountParam(query);
    fuzz::require(!count || (*count >= 1 && *count <= VideoPreviews::kMaxCount), "a preview count is in range");

    const auto ask = readTranscodeQuery(query, {u"mobile"_s, u"hifi"_s});
    if (ask) {
        fuzz::require(ask->preset.isEmpty() != !ask->format, "a preset or a format");
        fuzz::require(ask->bitrateKbps >= 0 && (ask->bitrateKbps == 0 || ask->preset.isEmpty()), "a bitrate only with a format");
        fuzz::require(std::isnan(ask->offsetSeconds) || ask->offsetSeconds >= 0, "an offset is not negative");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Router &router = apiRouter();
    fuzz::FuzzInput in(data, size);
    const HttpMethod method = methodOf(in.field());
    const HttpRequest request = requestFor(method, in.rest());

    const RouteMatch match = router.match(request);
    switch (match.kind) {
    case RouteMatch::Kind::Found:
        fuzz::require(match.route && match.route->methods.contains(method), "a found route takes the method");
        for (const QString &param : match.params)
            checkIdText(param);
        break;
    case RouteMatch::Kind::MethodNotAllowed:
        fuzz::require(!match.allow.isEmpty(), "405 lists what is allowed");
        break;
    case RouteMatch::Kind::NotFound:
        break;
    }
    checkQuery(request.query);
    return 0;
}
