#include "api/HlsRoutes.h"

#include "api/CallerLink.h"
#include "api/HlsSource.h"
#include "api/SubtitleRoutes.h"
#include "api/VideoCopy.h"
#include "api/VisibleVideo.h"

#include "hls/DashManifest.h"
#include "hls/HlsPlaylist.h"
#include "hls/HlsService.h"
#include "hls/SegmentWait.h"
#include "hls/SourceIndex.h"
#include "hls/VariantLadder.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "FileReply.h"
#include "HttpExchange.h"
#include "SegmentBody.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr QByteArrayView kPlaylistType = "application/vnd.apple.mpegurl";
constexpr QByteArrayView kManifestType = "application/dash+xml";
constexpr QByteArrayView kInitType = "video/mp4";
const QString kInitName = u"init.mp4"_s;
// A segment's URL names its session, variant and index: its bytes never change.
constexpr QByteArrayView kSegmentCacheControl = "private, max-age=86400";

struct HlsContext
{
    const Database &db;
    HlsService *hls;
    const Authenticator *auth;
    const VideoSubtitles *subtitles;   // null: no subtitle renditions

    SegmentFormat format() const { return hls->settings().segmentFormat; }
};

QString segmentName(SegmentFormat format, int index)
{
    return QString::number(index) + u'.' + segmentExtension(format);
}

// What a new session's segments are: the setting's, except MPEG-TS for players on FFmpeg's HLS
// reader (FFmpeg, mpv), which cannot seek in fMP4 HLS (FFmpeg 5.1: a seek loses the init
// segment and no frame decodes after it), and for "?format=ts".
Result<SegmentFormat> formatFor(const HlsContext &c, const HttpRequest &request)
{
    const QString asked = request.query.queryItemValue(u"format"_s, QUrl::FullyDecoded);
    if (asked == u"ts"_s)
        return SegmentFormat::MpegTs;
    if (!asked.isEmpty() && asked != u"fmp4"_s)
        return DomainError::invalid(u"'format' must be ts or fmp4"_s, {u"ts"_s, u"fmp4"_s});
    if (asked.isEmpty()) {
        const QByteArray agent = request.header("user-agent");
        if (agent.startsWith("Lavf/") || agent.startsWith("libmpv") || agent.startsWith("mpv "))
            return SegmentFormat::MpegTs;
    }
    return c.format();
}

QString sessionPath(const Track &track, const QString &sessionId, const QString &variantKey)
{
    return u"/api/videos/%1/hls/%2/%3/"_s.arg(track.id).arg(sessionId, variantKey);
}

Result<std::shared_ptr<HlsSession>> openSession(const HlsContext &c, const QString &sessionId, const Track &track,
                                                HttpExchange &ex, SegmentFormat format)
{
    auto encoded = encodedHlsSource(track, c.hls->presets(), c.hls->settings().segmentSeconds, format);
    if (!encoded)
        return encoded.error();
    HlsSessionSource source = std::move(encoded).value();
    source.userId = ex.identity().userId;
    const int target = c.hls->settings().segmentSeconds;
    // Already H.264 (+ AAC): also offered as it is, for players that can take it.
    if (const auto index = readSourceIndex(track.path)) {
        source.passthroughTimeline = SegmentTimeline::fromKeyframes(index->keyframesMs, track.durationMs, target);
        source.variants << passthroughVariant(*index, source.passthroughTimeline);
    }
    const HlsViewer viewer{ex.identity().userId, ex.identity().name, ex.request().peer.toString(),
                           QString::fromUtf8(ex.request().header("user-agent"))};
    return c.hls->open(sessionId, std::move(source), viewer);
}

// The session a playlist or segment URL names, for this caller and this video. A session that
// idled out (or a server restart) is opened again under the same id, so a paused player
// resumes; one an administrator ended stays gone.
Result<std::shared_ptr<HlsSession>> sessionFor(const HlsContext &c, const Track &track, const QString &sessionId,
                                               HttpExchange &ex, SegmentFormat reopenAs)
{
    if (!HlsService::isSessionId(sessionId))
        return DomainError::notFound(u"no such playback session"_s);
    if (c.hls->wasEnded(sessionId))
        return DomainError::gone(u"this playback session was ended by an administrator"_s);
    if (auto session = c.hls->find(sessionId)) {
        if (session->source().userId != ex.identity().userId || session->source().trackId != track.id)
            return DomainError::notFound(u"no such playback session"_s);
        return session;
    }
    return openSession(c, sessionId, track, ex, reopenAs);
}

HttpResponse playlistResponse(const QByteArray &text, QByteArrayView contentType = kPlaylistType)
{
    HttpResponse r;
    r.status = 200;
    r.setHeader("Content-Type", contentType.toByteArray());
    // Playlists carry signatures with an expiry and a session id: never reuse one.
    r.setHeader("Cache-Control", "no-store");
    r.body = text;
    return r;
}

void serveMaster(const HlsContext &c, const QStringList &params, HttpExchange &ex)
{
    const auto video = visibleVideo(c.db, params.at(0), ex.identity().visibility);
    if (!video)
        return ex.fail(video.error());
    const Track &track = *video;
    if (ex.request().isHead()) {   // no session for a HEAD
        HttpResponse r = playlistResponse({});
        return ex.respond(r);
    }
    const auto format = formatFor(c, ex.request());
    if (!format)
        return ex.fail(format.error());
    const auto opened = openSession(c, QString(), track, ex, *format);
    if (!opened)
        return ex.fail(opened.error());
    const auto &session = *opened;
    const auto variantUri = [&](const HlsVariant &v) {
        return callerLink(c.auth, ex, sessionPath(track, session->id(), v.key) + u"index.m3u8"_s);
    };
    ex.respond(playlistResponse(masterPlaylist(session->source().variants, variantUri,
                                               subtitleRenditions(c.subtitles, c.auth, track, ex, *format).hls)));
}

// What a session URL (/api/videos/{id}/hls/{session}/{variant}/…) names, once resolved.
struct SessionTarget
{
    Track track;
    std::shared_ptr<HlsSession> session;
    const HlsVariant *variant = nullptr;
    QString base;   // the URL path up to the variant's "/"
};

// `reopenAs`: the format of a session that idled out and is opened again under its id (the
// segment name tells it; a playlist request, the player).
Result<SessionTarget> sessionTarget(const HlsContext &c, const QStringList &params, HttpExchange &ex,
                                    const QString &notFound, SegmentFormat reopenAs)
{
    auto video = visibleVideo(c.db, params.at(0), ex.identity().visibility);
    if (!video)
        return video.error();
    SessionTarget target;
    target.track = std::move(video).value();
    auto found = sessionFor(c, target.track, params.at(1), ex, reopenAs);
    if (!found)
        return found.error();
    target.session = std::move(found).value();
    target.variant = target.session->variant(params.at(2));
    if (!target.variant)
        return DomainError::notFound(notFound);
    target.base = sessionPath(target.track, target.session->id(), target.variant->key);
    return target;
}

void serveVariant(const HlsContext &c, const QStringList &params, HttpExchange &ex)
{
    const auto reopenAs = formatFor(c, ex.request());
    if (!reopenAs)
        return ex.fail(reopenAs.error());
    const auto resolved = sessionTarget(c, params, ex, u"no such variant"_s, *reopenAs);
    if (!resolved)
        return ex.fail(resolved.error());
    const SessionTarget &t = *resolved;
    const SegmentFormat format = t.session->source().format;
    const SegmentTimeline &timeline = t.session->source().timelineFor(*t.variant);
    const QString initUri = format == SegmentFormat::Fmp4 ? callerLink(c.auth, ex, t.base + kInitName) : QString();
    ex.respond(playlistResponse(mediaPlaylist(
        timeline, [&](int index) { return callerLink(c.auth, ex, t.base + segmentName(format, index)); }, initUri)));
}

// A static MPD over the same session's fMP4 segments (the HLS session URLs, signed alike).
void serveManifest(const HlsContext &c, const QStringList &params, HttpExchange &ex)
{
    const auto video = visibleVideo(c.db, params.at(0), ex.identity().visibility);
    if (!video)
        return ex.fail(video.error());
    if (c.format() != SegmentFormat::Fmp4)
        return ex.fail(DomainError::notFound(u"DASH needs fragmented MP4 segments (hls/segmentFormat = fmp4)"_s));
    const Track &track = *video;
    if (ex.request().isHead())   // no session for a HEAD
        return ex.respond(playlistResponse({}, kManifestType));
    const auto opened = openSession(c, QString(), track, ex, SegmentFormat::Fmp4);
    if (!opened)
        return ex.fail(opened.error());
    const auto &session = *opened;
    QList<DashRepresentation> representations;
    for (const HlsVariant &v : session->source().variants)
        representations.append({v, session->source().timelineFor(v)});
    const auto base = [&](const HlsVariant &v) { return sessionPath(track, session->id(), v.key); };
    ex.respond(playlistResponse(
        dashManifest(
            representations, session->source().timeline.totalSeconds(),
            [&](const HlsVariant &v) { return callerLink(c.auth, ex, base(v) + kInitName); },
            [&](const HlsVariant &v, int index) {
                return callerLink(c.auth, ex, base(v) + segmentName(SegmentFormat::Fmp4, index));
            },
            subtitleRenditions(c.subtitles, c.auth, track, ex, SegmentFormat::Fmp4).dash),
        kManifestType));
}

// "12.m4s" (or "12.ts") → 12: plain decimal digits without leading zeros; nothing else.
std::optional<int> segmentIndex(const QString &name, SegmentFormat format)
{
    const QString suffix = u'.' + segmentExtension(format);
    if (!name.endsWith(suffix))
        return std::nullopt;
    const QStringView digits = QStringView(name).chopped(suffix.size());
    if (digits.isEmpty() || digits.size() > 7 || (digits.size() > 1 && digits.front() == u'0'))
        return std::nullopt;
    for (const QChar ch : digits)
        if (ch < u'0' || ch > u'9')
            return std::nullopt;
    return digits.toInt();
}

// What a segment answer needs besides its wait.
struct SegmentReply
{
    qint64 trackId = 0;
    QByteArray contentType;
};

void replyWithSegmentFile(HttpExchange &ex, const SegmentReply &reply, HlsSession &session, const QString &path)
{
    FileReplyOptions options;
    options.entityId = reply.trackId;
    options.contentType = reply.contentType;
    options.cacheControl = kSegmentCacheControl.toByteArray();
    options.stream = StreamInfo::uncounted();   // the session is the stream
    const qint64 size = QFileInfo(path).size();
    if (replyWithFile(ex, path, options)) {
        session.addBytesSent(size);
        return;
    }
    ex.fail(DomainError::failed(u"the segment cannot be read"_s));
}

// Answers a segment request whose wait is no longer queued for an FFmpeg slot: the file when
// it exists, 503 when the queue turned it away, else the head now and the bytes (chunked) when
// the session's FFmpeg has made them.
void answerSegment(HttpExchange &ex, const SegmentReply &reply, const std::shared_ptr<HlsSession> &session,
                   const std::shared_ptr<SegmentWait> &wait)
{
    switch (wait->state()) {
    case SegmentWait::State::Ready:
        return replyWithSegmentFile(ex, reply, *session, wait->path());
    case SegmentWait::State::Failed:
        if (wait->retryAfterSeconds() > 0)
            return ex.fail(DomainError::busy(wait->error(), wait->retryAfterSeconds()));
        return ex.fail(DomainError::failed(wait->error()));
    case SegmentWait::State::Pending:
        break;
    }
    HttpResponse head;
    head.status = 200;
    head.setHeader("Content-Type", reply.contentType);
    head.setHeader("Cache-Control", kSegmentCacheControl.toByteArray());
    ex.stream(head, std::make_unique<SegmentBody>(session, wait), StreamInfo::uncounted());
}

// A segment request waiting in the FFmpeg queue (through its session): answered when the
// session gets a slot, the segment appears, or the queue refuses. A child of the connection:
// a client that leaves drops it, and with it the wait (the session then leaves the queue).
class SegmentAdmission : public QObject
{
public:
    SegmentAdmission(DeferredAnswer later, SegmentReply reply, std::shared_ptr<HlsSession> session,
                     std::shared_ptr<SegmentWait> wait)
        : QObject(later.context()), m_later(std::move(later)), m_reply(std::move(reply)), m_session(std::move(session)),
          m_wait(std::move(wait))
    {
        m_wait->setNotifier(this, [this] { check(); });
        check();   // it may have changed before the notifier was set
    }
    ~SegmentAdmission() override
    {
        if (!m_answered)
            m_wait->setNotifier(nullptr, {});
    }

private:
    void check()
    {
        if (m_answered || (m_wait->state() == SegmentWait::State::Pending && !m_wait->isAdmitted()))
            return;
        m_answered = true;
        m_wait->setNotifier(nullptr, {});   // the body sets its own
        m_later.give([this](HttpExchange &ex) { answerSegment(ex, m_reply, m_session, m_wait); });
        deleteLater();
    }

    DeferredAnswer m_later;
    SegmentReply m_reply;
    std::shared_ptr<HlsSession> m_session;
    std::shared_ptr<SegmentWait> m_wait;
    bool m_answered = false;
};

// Segment `index` of the target's variant, or its init segment (kInitSegment).
void requestSegment(const SessionTarget &t, int index, HttpExchange &ex)
{
    const SegmentReply reply{t.track.id,
                             index == kInitSegment ? kInitType.toByteArray() : segmentContentType(t.session->source().format)};
    const auto wait = t.session->request(t.variant->key, index);
    if (wait->state() != SegmentWait::State::Pending || wait->isAdmitted())
        return answerSegment(ex, reply, t.session, wait);
    // The session needs an FFmpeg slot first: the request waits in the FFmpeg queue like every
    // other job (the worker goes on serving), and is answered once it has one, or 503 when the
    // queue is full or the wait too long (transcode/maxQueued, transcode/queueTimeoutSeconds).
    new SegmentAdmission(ex.defer(), reply, t.session, wait);
}

void serveSegment(const HlsContext &c, const QStringList &params, HttpExchange &ex)
{
    // The name says the format: what a session that idled out is opened again as.
    const SegmentFormat named = params.at(3).endsWith(u".ts"_s) ? SegmentFormat::MpegTs : SegmentFormat::Fmp4;
    const auto resolved = sessionTarget(c, params, ex, u"no such segment"_s, named);
    if (!resolved)
        return ex.fail(resolved.error());
    const SessionTarget &t = *resolved;
    const auto index = segmentIndex(params.at(3), t.session->source().format);
    if (!index || !t.session->source().timelineFor(*t.variant).contains(*index))
        return ex.fail(DomainError::notFound(u"no such segment"_s));
    requestSegment(t, *index, ex);
}

void serveInit(const HlsContext &c, const QStringList &params, HttpExchange &ex)
{
    const auto resolved = sessionTarget(c, params, ex, u"no such segment"_s, SegmentFormat::Fmp4);
    if (!resolved)
        return ex.fail(resolved.error());
    if (resolved->session->source().format != SegmentFormat::Fmp4)
        return ex.fail(DomainError::notFound(u"MPEG-TS segments have no init segment"_s));
    requestSegment(*resolved, kInitSegment, ex);
}

} // namespace

void addHlsRoutes(Router &router, const HttpServices &services)
{
    if (!services.hls)
        return;
    const HlsContext context{*services.database, services.hls, services.auth, services.subtitles};
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/videos/{id}/hls/master.m3u8"_s, Access::User,
               [context](const QStringList &params, HttpExchange &ex) { serveMaster(context, params, ex); });
    // Before the segment route: "index.m3u8" and "init.mp4" would also match "{segment}".
    router.add({HttpMethod::Get}, u"/api/videos/{id}/hls/{session}/{variant}/index.m3u8"_s, Access::User,
               [context](const QStringList &params, HttpExchange &ex) { serveVariant(context, params, ex); });
    router.add({HttpMethod::Get}, u"/api/videos/{id}/hls/{session}/{variant}/init.mp4"_s, Access::User,
               [context](const QStringList &params, HttpExchange &ex) { serveInit(context, params, ex); });
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/videos/{id}/dash/manifest.mpd"_s, Access::User,
               [context](const QStringList &params, HttpExchange &ex) { serveManifest(context, params, ex); });
    router.add({HttpMethod::Get}, u"/api/videos/{id}/hls/{session}/{variant}/{segment}"_s, Access::User,
               [context](const QStringList &params, HttpExchange &ex) { serveSegment(context, params, ex); });
}

} // namespace cairn
