#include "api/VideoCopyRoutes.h"

#include "api/CallerLink.h"
#include "api/LiveTranscodeStart.h"
#include "api/SubtitleRoutes.h"
#include "api/VideoCopy.h"
#include "api/VisibleVideo.h"

#include "delivery/StartOffset.h"
#include "dlna/DlnaMediaHeaders.h"
#include "dlna/DlnaProfile.h"
#include "hls/HlsService.h"
#include "hls/MpegTsArguments.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "transcode/TranscodeService.h"

#include "HeadOnlyBody.h"
#include "HttpExchange.h"

#include <QFileInfo>

#include <variant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

struct VideoCopyContext
{
    const Database &db;
    HlsService &hls;                 // the ladder's presets and encoder settings
    TranscodeService &transcoding;   // the FFmpeg queue
    const VideoSubtitles *subtitles; // may be null: no CaptionInfo.sec
    const Authenticator *auth;
};

// Where the copy starts: a renderer's TimeSeekRange, else `offset=` (a time seek wins, as on
// transcodes).
std::variant<double, HttpResponse> startSeconds(const Track &track, const DlnaMediaHeaders &dlna,
                                                const HttpExchange &ex)
{
    const double duration = double(track.durationMs) / 1000.0;
    if (dlna.timeSeek) {
        if (const auto refusal = timeSeekRefusal(*dlna.timeSeek, duration))
            return refusalAnswer(*refusal);
        return dlna.timeSeek->startSeconds;
    }
    const auto offset = readOffset(ex.request().query, track.durationMs);
    if (!offset)
        return ex.errorAnswer(offset.error());
    return *offset;
}

// The answer's head: no length (FFmpeg decides), no byte ranges (a TS has no byte-to-time
// map); time seeks are restarts, answered as a transcode's are.
HttpResponse copyHead(const Track &track, double start, const DlnaMediaHeaders &dlna)
{
    const dlna::DlnaMedia media = dlna::dlnaMediaOfVideoTranscode();
    HttpResponse head;
    head.status = 200;
    // The type renderers were promised in the DIDL, so they find what they asked for.
    head.setHeader("Content-Type", media.mimeType);
    head.setHeader("Cache-Control", "private, no-store");
    head.setHeader("Accept-Ranges", "none");
    const double duration = double(track.durationMs) / 1000.0;
    if (duration > 0)
        head.setHeader("X-Content-Duration", nptText(duration - start));
    for (const auto &[name, value] : dlna.answerHeaders(dlna::contentFeatures(media, dlna::DlnaSeek::Time, true)))
        head.setHeader(name, value);
    if (dlna.timeSeek) {
        TimeSeekAnswer answer;
        answer.startSeconds = start;
        answer.durationSeconds = duration;
        if (duration > 0)
            answer.endSeconds = duration;
        head.setHeader("TimeSeekRange.dlna.org", timeSeekRangeValue(answer));
    }
    return head;
}

// What the activity list shows of the copy: a transcode named after its rung, under the
// renderer's name when a DLNA renderer asks.
StreamInfo copyStream(const Track &track, const HlsVariant &rung, double start, const DlnaMediaHeaders &dlna)
{
    StreamInfo stream;
    stream.kind = StreamKind::Transcode;
    stream.trackId = track.id;
    stream.title = track.title.isEmpty() ? QFileInfo(track.path).completeBaseName() : track.title;
    stream.preset = videoCopyName(rung);
    stream.seekPositionMs = qint64(start * 1000);
    stream.player = dlna.playerName();
    return stream;
}

void serveCopy(const VideoCopyContext &c, const QStringList &params, HttpExchange &ex)
{
    const auto video = visibleVideo(c.db, params.at(0), ex.identity().visibility);
    if (!video)
        return ex.fail(video.error());
    const Track &track = *video;
    const auto read = readDlnaMediaHeaders(ex.request());
    if (const auto *refusal = std::get_if<DlnaRefusal>(&read))
        return ex.respond(refusalAnswer(*refusal));
    DlnaMediaHeaders dlna = std::get<DlnaMediaHeaders>(read);
    if (dlna.wantsCaptionInfo)
        if (const auto path = subRipPath(c.subtitles, track))
            dlna.captionUrl = callerLink(c.auth, ex, *path);
    const auto start = startSeconds(track, dlna, ex);
    if (const auto *refused = std::get_if<HttpResponse>(&start))
        return ex.respond(*refused);
    const double from = std::get<double>(start);
    const auto rung = videoCopyRung(c.hls.presets(), track);
    if (!rung)
        return ex.fail(DomainError::unavailable(u"no video presets are configured (add one in the Presets tab)"_s));

    const HttpResponse head = copyHead(track, from, dlna);
    const StreamInfo stream = copyStream(track, *rung, from, dlna);
    if (ex.request().isHead())
        return ex.stream(head, std::make_unique<HeadOnlyBody>(BodySource::kUnknownSize), stream);

    // The worker goes on serving while the copy waits for a slot and for FFmpeg's first bytes.
    MpegTsJob job;
    job.inputPath = track.path;
    job.variant = *rung;
    job.startSeconds = from;
    job.x264Preset = c.hls.settings().x264Preset;
    job.keyframeSeconds = c.hls.settings().segmentSeconds;
    LiveStart live;
    live.head = head;
    live.stream = stream;
    live.live.startSeconds = from;
    live.description = u"MPEG-TS copy of video %1 at %2"_s.arg(track.id).arg(rung->name);
    live.session = std::make_unique<TranscodeSession>(c.transcoding.jobs().program(), mpegTsArguments(job));
    startLiveTranscode(ex, c.transcoding, std::move(live));
}

} // namespace

void addVideoCopyRoutes(Router &router, const HttpServices &services)
{
    if (!services.hls || !services.transcoding)
        return;
    const VideoCopyContext context{*services.database, *services.hls, *services.transcoding, services.subtitles,
                                   services.auth};
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/videos/{id}/mpegts"_s, Access::User,
               [context](const QStringList &params, HttpExchange &ex) { serveCopy(context, params, ex); });
}

} // namespace cairn
