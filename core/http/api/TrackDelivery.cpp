#include "api/TrackDelivery.h"

#include "api/LiveTranscodeStart.h"

#include "catalog/TrackRepository.h"
#include "delivery/MediaPlan.h"
#include "dlna/DlnaProfile.h"
#include "stream/ContentDisposition.h"
#include "stream/MediaType.h"
#include "stream/RangeRequest.h"
#include "transcode/LiveLayout.h"
#include "transcode/TranscodeService.h"
#include "transcode/TranscodeSession.h"

#include "FileReply.h"
#include "HeadOnlyBody.h"
#include "HttpExchange.h"
#include "HttpLog.h"
#include "JsonErrorAnswer.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QByteArray secondsText(double seconds)
{
    return QByteArray::number(qMax(0.0, seconds), 'f', 3);
}

QString playerFor(const QString &player, const DlnaMediaHeaders &dlnaHeaders)
{
    return player.isEmpty() ? dlnaHeaders.playerName() : player;
}

// What DLNA's contentFeatures says of what the plan sends. A transcode always seeks in time (a
// TimeSeekRange is an offset); one with constant bitrate also answers byte ranges.
QByteArray contentFeaturesOf(const MediaPlan &plan)
{
    if (plan.kind == MediaPlan::Kind::OriginalFile)
        return dlna::contentFeatures(dlna::dlnaMediaOf(plan.track), dlna::DlnaSeek::Bytes, false);
    const auto media = dlna::dlnaMediaOfTranscode(plan.output.format, plan.output.sampleRate, plan.output.channels);
    return dlna::contentFeatures(media, plan.seekable ? dlna::DlnaSeek::BytesAndTime : dlna::DlnaSeek::Time, true);
}

// Bytes a live transcode writes before its media, which a later start writes afresh (WAV's
// RIFF header); MP3 has none.
qint64 leadingHeaderBytes(const OutputSpec &spec)
{
    return spec.format == OutputFormat::Wav ? wavHeader(spec, 0).size() : 0;
}

// The TimeSeekRange answer of a live transcode from the plan's offset to the end. Its bytes part
// places the body in the whole transcode (the resource without a seek): a constant-bitrate body
// from `offset` is that resource's tail, plus a fresh header for WAV (so the body is longer than
// the range it states, which DLNA allows).
QByteArray liveTimeSeekRange(const MediaPlan &plan, const LivePlan &live)
{
    TimeSeekAnswer answer;
    answer.startSeconds = plan.offsetSeconds;
    answer.durationSeconds = double(plan.track.durationMs) / 1000.0;
    if (answer.durationSeconds > 0)
        answer.endSeconds = answer.durationSeconds;
    const auto whole = answer.durationSeconds > 0 ? estimatedLength(plan.output, answer.durationSeconds) : std::nullopt;
    if (whole && live.totalLength > 0) {
        answer.totalBytes = *whole;
        answer.lastByte = *whole - 1;
        const qint64 first = *whole - live.totalLength + leadingHeaderBytes(plan.output);
        answer.firstByte = qBound<qint64>(0, first, answer.lastByte);
    }
    return timeSeekRangeValue(answer);
}

// HTTP's own answer to a byte range past the end, not a domain error.
HttpResponse rangeNotSatisfiable(const MediaPlan &plan)
{
    HttpResponse r = jsonProtocolAnswer(416, u"range not satisfiable"_s);
    r.setHeader("Content-Range", unsatisfiedContentRange(*estimatedLength(plan.output, plan.remainingSeconds())));
    return r;
}

void sendLive(HttpExchange &ex, TranscodeService &service, const MediaPlan &plan, const QString &player,
              const DlnaMediaHeaders &dlnaHeaders)
{
    const Track &track = plan.track;
    const double remaining = plan.remainingSeconds();
    // A time seek answers from its start to the end: its bytes part says where that lies, so a
    // Range beside it is not applied on top.
    const QByteArray range = plan.seekable && !dlnaHeaders.timeSeek ? ex.request().header("range") : QByteArray();
    const auto live = planLive(plan.output, plan.seekable ? remaining : 0, plan.offsetSeconds, range);
    if (!live)
        return ex.respond(rangeNotSatisfiable(plan));

    HttpResponse head;
    head.status = live->partial ? 206 : 200;
    head.setHeader("Content-Type", plan.mediaType);
    head.setHeader("Cache-Control", "private, no-store");
    head.setHeader("Accept-Ranges", plan.seekable ? "bytes" : "none");
    if (track.durationMs > 0)
        head.setHeader("X-Content-Duration", secondsText(remaining));
    if (live->partial)
        head.setHeader("Content-Range", contentRangeHeader(live->range, live->totalLength));
    for (const auto &[name, value] : dlnaHeaders.answerHeaders(contentFeaturesOf(plan)))
        head.setHeader(name, value);
    if (dlnaHeaders.timeSeek)
        head.setHeader("TimeSeekRange.dlna.org", liveTimeSeekRange(plan, *live));
    StreamInfo stream;
    stream.kind = StreamKind::Transcode;
    stream.trackId = track.id;
    stream.title = track.title.isEmpty() ? QFileInfo(track.path).completeBaseName() : track.title;
    stream.preset = plan.presetName;
    stream.seekPositionMs = qint64(live->startSeconds * 1000);
    stream.player = player;
    if (ex.request().isHead())
        return ex.stream(head, std::make_unique<HeadOnlyBody>(live->bodyLength), stream);

    // The worker goes on serving while the transcode waits for a slot and for FFmpeg's first
    // bytes; the answer (stream or JSON error) is given when they come.
    const TranscodeJob job{track.path, plan.output, live->startSeconds, 0};
    LiveStart start;
    start.head = head;
    start.stream = stream;
    start.live = *live;
    start.description = u"transcode of track %1 to %2"_s.arg(track.id).arg(plan.presetName);
    start.session = std::make_unique<TranscodeSession>(service.jobs().program(), ffmpegArguments(job));
    if (!plan.cacheKey.isEmpty() && !live->partial) {
        start.cacheKey = plan.cacheKey;
        start.cacheExtension = plan.cacheExtension;
    }
    startLiveTranscode(ex, service, std::move(start));
}

// False when the file cannot be opened (a cache entry evicted since the plan was made).
bool sendFile(HttpExchange &ex, const MediaPlan &plan, const QString &player, const DlnaMediaHeaders &dlnaHeaders)
{
    FileReplyOptions options;
    options.headers = dlnaHeaders.answerHeaders(contentFeaturesOf(plan));
    if (dlnaHeaders.timeSeek && plan.kind == MediaPlan::Kind::CachedTranscode) {
        // Only a seek to 0 is planned from the cache: the whole file, all of the time.
        TimeSeekAnswer answer;
        answer.durationSeconds = double(plan.track.durationMs) / 1000.0;
        if (answer.durationSeconds > 0)
            answer.endSeconds = answer.durationSeconds;
        const qint64 size = QFileInfo(plan.filePath).size();
        if (size > 0) {
            answer.firstByte = 0;
            answer.lastByte = size - 1;
            answer.totalBytes = size;
        }
        options.headers.append({"TimeSeekRange.dlna.org"_ba, timeSeekRangeValue(answer)});
    }
    options.entityId = plan.track.id;
    options.contentType = plan.mediaType;
    options.stream.trackId = plan.track.id;
    options.stream.title = plan.track.title;
    options.stream.player = player;
    if (plan.kind == MediaPlan::Kind::OriginalFile) {
        options.stream.kind = StreamKind::Direct;
    } else {
        options.stream.kind = StreamKind::Transcode;
        options.stream.preset = plan.presetName;
    }
    return replyWithFile(ex, plan.filePath, options);
}

} // namespace

void deliverTrackFile(const Database &db, qint64 trackId, HttpExchange &ex, FileDelivery delivery,
                      const QString &player, const DlnaMediaHeaders &dlnaHeaders)
{
    const auto track = TrackRepository(db).find(trackId, ex.identity().visibility);
    if (!track)
        return ex.fail(DomainError::notFound(u"no such track"_s));
    deliverTrackFile(db, *track, ex, delivery, player, dlnaHeaders);
}

void deliverTrackFile(const Database &db, const Track &track, HttpExchange &ex, FileDelivery delivery,
                      const QString &player, const DlnaMediaHeaders &dlnaHeaders)
{
    if (!QFileInfo(track.path).isFile()) {
        // The file went away since the last scan: the catalog learns it now.
        qCInfo(lcHttp) << "track" << track.id << "is gone from disk; removing it from the catalog";
        TrackRepository(db).remove(track.id);
        return ex.fail(DomainError::notFound(u"no such track"_s));
    }
    FileReplyOptions options;
    options.entityId = track.id;
    options.contentType = mediaTypeForFormat(track.format);
    if (delivery == FileDelivery::Attachment)
        options.contentDisposition = attachmentDisposition(QFileInfo(track.path).fileName());
    options.stream.kind = delivery == FileDelivery::Attachment ? StreamKind::Download : StreamKind::Direct;
    options.stream.trackId = track.id;
    options.stream.player = playerFor(player, dlnaHeaders);
    options.stream.title = track.title.isEmpty() ? QFileInfo(track.path).completeBaseName() : track.title;
    options.headers = dlnaHeaders.answerHeaders(
        dlna::contentFeatures(dlna::dlnaMediaOf(track), dlna::DlnaSeek::Bytes, false));
    if (!replyWithFile(ex, track.path, options)) {
        qCWarning(lcHttp) << "cannot open the file of track" << track.id;
        ex.fail(DomainError::failed(u"the media file cannot be read"_s));
    }
}

void deliverPlan(HttpExchange &ex, TranscodeService *service, const MediaPlan &plan, const QString &givenPlayer,
                 const DlnaMediaHeaders &dlnaHeaders)
{
    const QString player = playerFor(givenPlayer, dlnaHeaders);
    switch (plan.kind) {
    case MediaPlan::Kind::OriginalFile:
        if (!sendFile(ex, plan, player, dlnaHeaders))
            ex.fail(DomainError::failed(u"the media file cannot be read"_s));
        return;
    case MediaPlan::Kind::CachedTranscode:
        // A time seek with a Range beside it is answered whole, as a live one is: not the file's.
        if (dlnaHeaders.timeSeek && ex.request().hasHeader("range"))
            break;
        if (sendFile(ex, plan, player, dlnaHeaders))
            return;
        break;   // evicted meanwhile: the same transcode, live
    case MediaPlan::Kind::LiveTranscode:
        break;
    }
    sendLive(ex, *service, plan, player, dlnaHeaders);
}

} // namespace cairn
