#include "api/SubtitleRoutes.h"

#include "api/CallerLink.h"
#include "api/VisibleVideo.h"

#include "http/HttpServer.h"
#include "http/Router.h"
#include "subtitle/SubRip.h"
#include "subtitle/SubtitleTrack.h"
#include "subtitle/VideoSubtitles.h"
#include "stream/HttpDate.h"

#include "ConditionalRequest.h"
#include "HttpExchange.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr QByteArrayView kVttType = "text/vtt; charset=utf-8";
// What DLNA renderers (Samsung) look for; the <res> announces the same type.
constexpr QByteArrayView kSrtType = "text/srt; charset=utf-8";
// The URL names no file version: a day's freshness, then a cheap revalidation (304).
constexpr QByteArrayView kVttCacheControl = "private, max-age=86400";
constexpr int kMaxTrackIdLength = 8;

struct SubtitleContext
{
    const Database &db;
    VideoSubtitles &subtitles;
    const Authenticator *auth;
};

QString videoPath(qint64 id)
{
    return u"/api/videos/"_s + QString::number(id);
}

QString vttPath(qint64 id, const QString &trackId)
{
    return videoPath(id) + u"/subtitles/"_s + trackId + u".vtt"_s;
}

QString srtPath(qint64 id, const QString &trackId)
{
    return videoPath(id) + u"/subtitles/"_s + trackId + u".srt"_s;
}

// The HLS copies name the segments' format: their timestamp maps differ.
constexpr QLatin1StringView kMpegTsMark = "-ts"_L1;

QString hlsPath(qint64 id, const QString &trackId, SegmentFormat format, QLatin1StringView extension)
{
    return videoPath(id) + u"/hls/subtitles/"_s + trackId + (format == SegmentFormat::MpegTs ? kMpegTsMark : ""_L1)
           + extension;
}

// "s3.vtt" → "s3": a track id as SubtitleTrack makes them ('s' or 'x', then digits).
std::optional<QString> trackIdOf(const QString &name, QLatin1StringView extension)
{
    if (!name.endsWith(extension))
        return std::nullopt;
    const QString id = name.chopped(extension.size());
    if (id.size() < 2 || id.size() > kMaxTrackIdLength || (id.front() != u's' && id.front() != u'x'))
        return std::nullopt;
    for (qsizetype i = 1; i < id.size(); ++i)
        if (id.at(i) < u'0' || id.at(i) > u'9' || (i == 1 && id.at(i) == u'0' && id.size() > 2))
            return std::nullopt;
    return id;
}

struct TrackTarget
{
    Track video;
    SubtitleTrack track;
};

Result<TrackTarget> trackTarget(const SubtitleContext &c, const QStringList &params, QLatin1StringView extension,
                                const HttpExchange &ex)
{
    auto video = visibleVideo(c.db, params.at(0), ex.identity().visibility);
    if (!video)
        return video.error();
    const auto id = trackIdOf(params.at(1), extension);
    const auto track = id ? findSubtitleTrack(c.subtitles.tracks(video->path), *id) : std::nullopt;
    if (!track)
        return DomainError::notFound(u"no such subtitle track"_s);
    return TrackTarget{std::move(video).value(), *track};
}

void serveList(const SubtitleContext &c, const QStringList &params, HttpExchange &ex)
{
    const auto video = visibleVideo(c.db, params.at(0), ex.identity().visibility);
    if (!video)
        return ex.fail(video.error());
    const QList<SubtitleTrack> tracks = c.subtitles.tracks(video->path);
    const QStringList labels = subtitleLabels(tracks);
    QJsonArray items;
    for (qsizetype i = 0; i < tracks.size(); ++i) {
        const SubtitleTrack &t = tracks.at(i);
        items.append(QJsonObject{
            {u"id"_s, t.id},
            {u"label"_s, labels.at(i)},
            {u"language"_s, t.language.isEmpty() ? QJsonValue() : QJsonValue(t.language)},
            {u"title"_s, t.title.isEmpty() ? QJsonValue() : QJsonValue(t.title)},
            {u"codec"_s, t.codec},
            {u"default"_s, t.isDefault},
            {u"forced"_s, t.isForced},
            {u"hearingImpaired"_s, t.isHearingImpaired},
            {u"external"_s, t.isSidecar()},
            {u"url"_s, callerLink(c.auth, ex, vttPath(video->id, t.id))},
        });
    }
    ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"items"_s, items}})));
}

// What is sent besides the plain WebVTT: the HLS copy (its timestamp map) or SubRip.
enum class SubtitleForm { WebVtt, HlsWebVtt, SubRip };

// Each form has bytes of its own, so a validator of its own.
SubtitleValidators validatorsFor(SubtitleValidators plain, SubtitleForm form)
{
    if (form != SubtitleForm::WebVtt && plain.etag.endsWith('"'))
        plain.etag.insert(plain.etag.size() - 1, form == SubtitleForm::SubRip ? "-srt" : "-hls");
    return plain;
}

void setValidators(HttpResponse &r, const SubtitleValidators &v)
{
    r.setHeader("ETag", v.etag);
    r.setHeader("Last-Modified", formatHttpDate(v.lastModified));
    r.setHeader("Cache-Control", kVttCacheControl.toByteArray());
}

void sendText(const WebVttText &text, SubtitleForm form, std::optional<qint64> timestampMap, HttpExchange &ex)
{
    switch (text.status) {
    case WebVttText::Status::SourceGone: return ex.fail(DomainError::notFound(u"no such subtitle track"_s));
    case WebVttText::Status::Busy:
        return ex.fail(DomainError::busy(u"too many FFmpeg jobs are running or waiting; try again shortly"_s,
                                         qMax(1, text.retryAfterSeconds)));
    case WebVttText::Status::Failed:
        // FFmpeg's words name server paths: they stay in the log.
        return ex.fail(DomainError::unprocessable(u"these subtitles cannot be read or turned into WebVTT"_s));
    case WebVttText::Status::Ok: break;
    }
    HttpResponse r;
    r.status = 200;
    r.setHeader("Content-Type", (form == SubtitleForm::SubRip ? kSrtType : kVttType).toByteArray());
    setValidators(r, validatorsFor(text.validators, form));
    if (form == SubtitleForm::SubRip)
        r.body = subRipFromWebVtt(text.vtt);
    else
        r.body = timestampMap ? withTimestampMap(text.vtt, *timestampMap) : text.vtt;
    ex.respond(r);
}

// A track's WebVTT (with `timestampMap`, tied to the HLS segments' timestamps), or SubRip.
void serveText(const SubtitleContext &c, const QStringList &params, SubtitleForm form,
               std::optional<qint64> timestampMap, HttpExchange &ex)
{
    const auto target = trackTarget(c, params, form == SubtitleForm::SubRip ? ".srt"_L1 : ".vtt"_L1, ex);
    if (!target)
        return ex.fail(target.error());
    const auto validators = c.subtitles.validators(target->video, target->track);
    if (!validators)
        return ex.fail(DomainError::notFound(u"no such subtitle track"_s));
    const SubtitleValidators mine = validatorsFor(*validators, form);
    if (answerPreconditions(ex, {mine.etag, mine.lastModified}, [&](HttpResponse &r) { setValidators(r, mine); }))
        return;
    const DeferredAnswer later = ex.defer();
    c.subtitles.webVtt(target->video, target->track, later.context(),
                       [later, form, timestampMap](const WebVttText &text) {
        later.give([&](HttpExchange &ex) { sendText(text, form, timestampMap, ex); });
    });
}

// …/subtitles/{track}.vtt or .srt
void serveTrack(const SubtitleContext &c, const QStringList &params, HttpExchange &ex)
{
    if (params.at(1).endsWith(".srt"_L1))
        return serveText(c, params, SubtitleForm::SubRip, std::nullopt, ex);
    serveText(c, params, SubtitleForm::WebVtt, std::nullopt, ex);
}

// …/hls/subtitles/{track}[-ts].m3u8: one segment, the whole WebVTT.
void serveHlsFile(const SubtitleContext &c, const QStringList &params, HttpExchange &ex)
{
    // The name without its format mark names the track as the other routes do.
    QStringList plain = params;
    QString &name = plain[1];
    const qsizetype dot = name.lastIndexOf(u'.');
    const bool mpegTs = dot > 0 && QStringView(name).first(dot).endsWith(kMpegTsMark);
    if (mpegTs)
        name.remove(dot - kMpegTsMark.size(), kMpegTsMark.size());
    const SegmentFormat format = mpegTs ? SegmentFormat::MpegTs : SegmentFormat::Fmp4;
    if (name.endsWith(".vtt"_L1))
        return serveText(c, plain, SubtitleForm::HlsWebVtt, mediaTimestampAtZero(format), ex);
    const auto target = trackTarget(c, plain, ".m3u8"_L1, ex);
    if (!target)
        return ex.fail(target.error());
    HttpResponse r;
    r.status = 200;
    r.setHeader("Content-Type", "application/vnd.apple.mpegurl");
    r.setHeader("Cache-Control", "no-store");   // signatures inside expire
    r.body = subtitlePlaylist(double(target->video.durationMs) / 1000.0,
                              callerLink(c.auth, ex, hlsPath(target->video.id, target->track.id, format, ".vtt"_L1)));
    ex.respond(r);
}

} // namespace

SubtitleRenditions subtitleRenditions(const VideoSubtitles *subtitles, const Authenticator *auth, const Track &video,
                                      const HttpExchange &ex, SegmentFormat format)
{
    SubtitleRenditions renditions;
    if (!subtitles)
        return renditions;
    const QList<SubtitleTrack> tracks = subtitles->tracks(video.path);
    const QStringList labels = subtitleLabels(tracks);
    for (qsizetype i = 0; i < tracks.size(); ++i) {
        const SubtitleTrack &t = tracks.at(i);
        renditions.hls.append(
            {labels.at(i), t.language, t.isForced, callerLink(auth, ex, hlsPath(video.id, t.id, format, ".m3u8"_L1))});
        renditions.dash.append({u"sub-"_s + t.id, t.language, labels.at(i), t.isForced, t.isHearingImpaired,
                                callerLink(auth, ex, vttPath(video.id, t.id))});
    }
    return renditions;
}

std::optional<QString> subRipPath(const VideoSubtitles *subtitles, const Track &video)
{
    if (!subtitles || video.kind != MediaKind::Video)
        return std::nullopt;
    const auto track = preferredSubtitleTrack(subtitles->tracks(video.path));
    if (!track)
        return std::nullopt;
    return srtPath(video.id, track->id);
}

void addSubtitleRoutes(Router &router, const HttpServices &services)
{
    if (!services.subtitles)
        return;
    const SubtitleContext context{*services.database, *services.subtitles, services.auth};
    const QList<HttpMethod> getOrHead{HttpMethod::Get, HttpMethod::Head};
    router.add(getOrHead, u"/api/videos/{id}/subtitles"_s, Access::User,
               [context](const QStringList &params, HttpExchange &ex) { serveList(context, params, ex); });
    router.add(getOrHead, u"/api/videos/{id}/subtitles/{track}"_s, Access::User,
               [context](const QStringList &params, HttpExchange &ex) { serveTrack(context, params, ex); });
    if (services.hls)
        router.add(getOrHead, u"/api/videos/{id}/hls/subtitles/{file}"_s, Access::User,
                   [context](const QStringList &params, HttpExchange &ex) { serveHlsFile(context, params, ex); });
}

} // namespace cairn
