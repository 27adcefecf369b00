// The bytes: stream (the file, or a transcode chosen by `format`/`maxBitRate`, from
// `timeOffset`), download (the file as it is) and getCoverArt. Each reads the protocol's
// parameters into the core's terms and hands over to the delivery code every protocol shares.

#include "subsonic/EndpointTable.h"
#include "subsonic/SubsonicIds.h"

#include "api/ArtworkRoutes.h"
#include "api/TrackDelivery.h"

#include "delivery/MediaPlanner.h"
#include "http/HttpServer.h"

#include "HttpExchange.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

// What a client gets when it names no format but the file is above its (or its user's) limit.
constexpr OutputFormat kDefaultTranscode = OutputFormat::Mp3;

// The codec a file of `format` holds when it needs no transcode to be that format.
QString codecOf(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Mp3: return u"mp3"_s;
    case OutputFormat::Vorbis: return u"vorbis"_s;
    case OutputFormat::Opus: return u"opus"_s;
    case OutputFormat::AacM4a:
    case OutputFormat::AacAdts: return u"aac"_s;
    case OutputFormat::Flac: return u"flac"_s;
    case OutputFormat::Wav: return u"pcm_s16le"_s;
    }
    return {};
}

// Subsonic's `format`, `maxBitRate` and `timeOffset` as a MediaAsk for `track`: `raw` is the file
// as it is; the file's own format, or none, keeps the file unless it is above a limit.
Result<MediaAsk> askOf(const Params &params, const Track &track)
{
    MediaAsk ask;
    const auto maxBitRate = params.integer(u"maxBitRate"_s, 0, 0, 100000);
    if (!maxBitRate)
        return maxBitRate.error();
    ask.maxBitrateKbps = int(*maxBitRate);
    const auto offset = params.integer(u"timeOffset"_s, 0, 0, 24 * 3600 * 100);
    if (!offset)
        return offset.error();
    ask.offsetSeconds = double(*offset);

    const QString format = params.value(u"format"_s).trimmed().toLower();
    if (format == u"raw"_s)
        return ask;   // the file as it is, whatever the limits
    if (format.isEmpty()) {
        ask.format = kDefaultTranscode;
        ask.originalUnlessAboveLimit = ask.offsetSeconds == 0;
        return ask;
    }
    const auto known = outputFormatFromKey(format);
    if (!known)
        return DomainError::invalid(u"unknown format '%1'"_s.arg(format.left(32)), QStringList{u"raw"_s} + outputFormatKeys());
    ask.format = known;
    ask.originalUnlessAboveLimit = track.format == infoFor(*known).extension && track.codec == codecOf(*known)
        && ask.offsetSeconds == 0;
    return ask;
}

void stream(const MediaPlanner &planner, TranscodeService *service, Call &call)
{
    const auto id = parseIdOf(IdKind::Track, call.params().value(u"id"_s), u"id"_s);
    if (!id)
        return call.fail(id.error());
    const Caller caller{call.identity().userId, call.identity().visibility};
    const auto track = planner.visibleTrack(*id, caller);
    if (!track)
        return call.fail(track.error());
    const auto ask = askOf(call.params(), *track);
    if (!ask)
        return call.fail(ask.error());
    const auto plan = planner.plan(*id, caller, *ask);
    if (!plan)
        return call.fail(plan.error());
    deliverPlan(call.exchange(), service, *plan, call.clientName());
}

void download(const Database &db, Call &call)
{
    const auto id = parseIdOf(IdKind::Track, call.params().value(u"id"_s), u"id"_s);
    if (!id)
        return call.fail(id.error());
    deliverTrackFile(db, *id, call.exchange(), FileDelivery::Attachment, call.clientName());
}

void coverArt(const Database &db, artwork::ArtworkService &service, Call &call)
{
    const auto id = parseItemId(call.params().value(u"id"_s), u"id"_s, IdKind::Album);
    if (!id)
        return call.fail(id.error());
    switch (id->kind) {
    case IdKind::Track: return serveArtwork(db, service, ArtOf::Track, id->value, call.exchange());
    case IdKind::Album: return serveArtwork(db, service, ArtOf::Album, id->value, call.exchange());
    case IdKind::Artist: return serveArtwork(db, service, ArtOf::Artist, id->value, call.exchange());
    case IdKind::Playlist: break;
    }
    call.fail(DomainError::notFound(u"no artwork"_s));
}

} // namespace

void addMediaEndpoints(EndpointTable &table, const HttpServices &services)
{
    const Database *db = services.database;
    const MediaPlanner planner(*db, services.transcoding, services.users);
    TranscodeService *transcoding = services.transcoding;
    table.add(u"stream"_s, Access::User, [planner, transcoding](Call &call) { stream(planner, transcoding, call); });
    table.add(u"download"_s, Access::User, [db](Call &call) { download(*db, call); });
    if (artwork::ArtworkService *art = services.artwork)
        table.add(u"getCoverArt"_s, Access::User, [db, art](Call &call) { coverArt(*db, *art, call); });
}

} // namespace cairn::subsonic
