// Subsonic request parameters (core/http/subsonic Params, SubsonicIds; the credential fields
// and the search text the endpoints take from them): the query string and, for a form POST, the
// url-encoded body, read by name the way the endpoints read them.
// Input: the query string on the first line, the Content-Type on the second, the body after it.

#include "FuzzSupport.h"

#include "SearchText.h"
#include "http/HttpRequest.h"
#include "subsonic/SubsonicCall.h"
#include "subsonic/SubsonicIds.h"
#include "subsonic/SubsonicParams.h"

#include <limits>

using namespace cairn;
using namespace cairn::subsonic;
using namespace Qt::Literals::StringLiterals;

namespace {

void checkIntegers(const Params &params)
{
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    const struct { QString name; qint64 fallback, min, max; } ints[] = {
        {u"count"_s, 10, 1, 500},         {u"size"_s, 10, 1, 500},
        {u"offset"_s, 0, 0, kMax},        {u"position"_s, 0, 0, kMax},
        {u"maxBitRate"_s, 0, 0, 100000},  {u"timeOffset"_s, 0, 0, 24 * 3600 * 100},
        {u"musicFolderId"_s, 0, 1, kMax}, {u"ifModifiedSince"_s, 0, 0, kMax},
    };
    for (const auto &p : ints) {
        const auto v = params.integer(p.name, p.fallback, p.min, p.max);
        fuzz::require(!v || *v == p.fallback || (*v >= p.min && *v <= p.max), "an integer parameter is in range");
        fuzz::require(v.ok() || params.has(p.name), "an absent integer is its fallback");
    }
    for (const QString &name : {u"rating"_s, u"fromYear"_s, u"toYear"_s}) {
        const auto v = params.requiredInteger(name, 0, 9999);
        fuzz::require(!v || (*v >= 0 && *v <= 9999 && params.has(name)), "a required integer is present and in range");
    }
    for (const QString &name : {u"submission"_s, u"public"_s})
        (void)params.boolean(name, false);
    for (const QString &name : {u"name"_s, u"username"_s, u"genre"_s, u"type"_s}) {
        const auto v = params.required(name);
        fuzz::require(!v || (!v->isEmpty() && *v == params.value(name)), "a required value is the first one");
    }
}

void checkIds(const Params &params)
{
    const struct { QString name; IdKind kind; } idParams[] = {
        {u"id"_s, IdKind::Track},       {u"id"_s, IdKind::Album},   {u"id"_s, IdKind::Artist},
        {u"playlistId"_s, IdKind::Playlist}, {u"current"_s, IdKind::Track},
    };
    for (const auto &p : idParams) {
        const QString text = params.value(p.name);
        const auto item = parseItemId(text, p.name, p.kind);
        if (item) {
            fuzz::require(item->value > 0, "an id is positive");
            const QString printed = itemId(item->kind, item->value);
            const auto again = parseItemId(printed, p.name, p.kind);
            fuzz::require(again && again->kind == item->kind && again->value == item->value, "an id prints back");
        }
        const auto only = parseIdOf(p.kind, text, p.name);
        fuzz::require(!only || (item && item->kind == p.kind && item->value == *only), "parseIdOf agrees");
    }
    for (const QString &text : params.values(u"id"_s) + params.values(u"songIndexToRemove"_s))
        (void)parseIdOf(IdKind::Track, text, u"id"_s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    HttpRequest request;
    request.method = HttpMethod::Post;
    QString query = QString::fromUtf8(in.field());
    query.replace(u'+', u"%20"_s);   // as HttpRequest::fromQt
    request.query = QUrlQuery(query);
    request.headers.append({"Content-Type", in.field().toByteArray()});
    request.body = in.rest().toByteArray();

    const Params params = Params::from(request);
    (void)formatOf(params);
    checkIntegers(params);
    checkIds(params);
    // The credentials as SubsonicSignIn reads them, and the search text as the search endpoints do.
    for (const QString &name : {u"u"_s, u"p"_s, u"t"_s, u"s"_s, u"apiKey"_s, u"c"_s, u"f"_s, u"format"_s})
        (void)params.value(name).toUtf8();
    const QString pattern = search::containsPattern(params.value(u"query"_s));
    fuzz::require(pattern.startsWith(u'%') && pattern.endsWith(u'%'), "a LIKE pattern matches anywhere");
    // The full-text expression is quoted terms only: what clients type never becomes FTS5 syntax.
    bool quoted = false;
    for (const QChar c : search::matchExpression(params.value(u"query"_s))) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted)
            fuzz::require(c == u'*' || c == u' ', "nothing but quoted terms, their '*' and spaces");
    }
    fuzz::require(!quoted, "every quote is closed");
    return 0;
}
