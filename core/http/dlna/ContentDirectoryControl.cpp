// ContentDirectory:1 actions: the catalog as the DLNA account may see it, as DIDL-Lite whose
// links are signed for that account (renderers send no credentials) and name this server the
// way the renderer reached it.
#include "dlna/DlnaControl.h"

#include "api/SubtitleRoutes.h"
#include "api/VideoCopy.h"
#include "auth/Authenticator.h"
#include "catalog/Track.h"
#include "dlna/ContentDirectory.h"
#include "dlna/Didl.h"
#include "dlna/DlnaDevice.h"
#include "dlna/DlnaProfile.h"
#include "dlna/LanInterfaces.h"
#include "hls/HlsService.h"
#include "http/HttpServer.h"
#include "http/auth/AuthGuard.h"
#include "transcode/FfmpegArguments.h"
#include "transcode/VideoPreset.h"

#include "HttpExchange.h"

#include <QXmlStreamWriter>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {
namespace {

constexpr int kArtworkSize = 160;   // JPEG_TN: at most 160×160
constexpr int kCompatibleMp3Kbps = 320;

std::optional<quint32> unsignedArgument(const SoapCall &call, const QString &name)
{
    bool ok = false;
    const qulonglong value = call.arguments.value(name).trimmed().toULongLong(&ok);
    if (!ok || value > 0xffffffffULL)
        return std::nullopt;
    return quint32(value);
}

// What Browse and Search share: the filter, the page and the order.
template<typename Request>
void readListing(Request &request, const SoapCall &call, quint32 start, quint32 count)
{
    request.filter = call.arguments.value(u"Filter"_s, u"*"_s);
    request.startingIndex = start;
    request.requestedCount = count;
    request.sortCriteria = call.arguments.value(u"SortCriteria"_s);
}

SoapFault missing(const QString &name)
{
    return {402, u"Invalid Args: %1 is missing or not a number"_s.arg(name)};
}

DidlResource originalResource(const Track &track, const QString &url)
{
    DidlResource original;
    original.url = url;
    original.protocolInfo = protocolInfo(dlnaMediaOf(track), DlnaSeek::Bytes, false);
    original.size = track.size;
    original.durationMs = track.durationMs;
    original.bitrateBytesPerSecond = track.bitrate * 1000 / 8;
    original.sampleRate = track.sampleRate;
    original.channels = track.channels;
    if (track.kind == MediaKind::Video && track.width > 0 && track.height > 0)
        original.resolution = u"%1x%2"_s.arg(track.width).arg(track.height);
    return original;
}

// What every renderer decodes: MP3 at a constant rate, which seeks by bytes and by time.
DidlResource mp3Copy(const Track &track, const QString &url)
{
    // Described as the transcoder will make it (rate and channels resolved as the media route
    // resolves them), so the profile matches what is then sent.
    const OutputSpec out = resolveOutput(Preset{0, QString(), OutputFormat::Mp3, kCompatibleMp3Kbps, 0, 0},
                                         track.sampleRate, track.channels);
    DidlResource mp3;
    mp3.url = url;
    mp3.protocolInfo =
        protocolInfo(dlnaMediaOfTranscode(out.format, out.sampleRate, out.channels), DlnaSeek::BytesAndTime, true);
    mp3.durationMs = track.durationMs;
    mp3.bitrateBytesPerSecond = kCompatibleMp3Kbps * 1000 / 8;
    mp3.sampleRate = out.sampleRate;
    mp3.channels = out.channels;
    return mp3;
}

// The video as MPEG-TS (H.264 + AAC) at its top HLS rung: no length (it is encoded live) and
// seekable in time only, so OP=10 and no size.
DidlResource videoCopy(const Track &track, const HlsVariant &rung, const QString &url)
{
    DidlResource copy;
    copy.url = url;
    copy.protocolInfo = protocolInfo(dlnaMediaOfVideoTranscode(), DlnaSeek::Time, true);
    copy.durationMs = track.durationMs;
    copy.bitrateBytesPerSecond = int(rung.averageBandwidth() / 8);
    copy.resolution = u"%1x%2"_s.arg(rung.width).arg(rung.height);
    if (rung.audioKbps > 0) {   // the ladder's AAC: stereo at 48 kHz
        copy.sampleRate = 48000;
        copy.channels = 2;
    }
    return copy;
}

DidlLinks linksFor(const ControlContext &context)
{
    const Authenticator *auth = context.services.auth;
    const qint64 userId = context.device.userId();
    // The address the renderer reached us at: its links must work from where it stands (the
    // Host it sent may leave out the port).
    const HttpRequest &request = context.exchange.request();
    const QHostAddress local = asIpv4(request.local);
    const QString host = local.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + local.toString() + u']'
                                                                           : local.toString();
    const QString base = u"http://%1:%2"_s.arg(host).arg(request.localPort);
    const auto signedLink = [auth, userId, base](const QString &path, const QString &extra) -> QString {
        return base + auth->signedUrl(path, userId) + extra;
    };
    // The ladder's presets, read at most once per answer and only when a video needs a copy
    // (the copy's route exists where HLS and transcoding do).
    HlsService *hls = context.services.transcoding ? context.services.hls : nullptr;
    auto presets = std::make_shared<std::optional<QList<VideoPreset>>>();
    const auto copyRung = [hls, presets](const Track &track) -> std::optional<HlsVariant> {
        if (!hls)
            return std::nullopt;
        if (!*presets)
            *presets = hls->presets();
        return videoCopyRung(**presets, track);
    };
    DidlLinks links;
    links.resources = [signedLink, copyRung](const Track &track) {
        QList<DidlResource> list{originalResource(track, signedLink(u"/api/tracks/%1/stream"_s.arg(track.id), {}))};
        if (!needsCompatibleCopy(track))
            return list;
        if (track.kind == MediaKind::Audio) {
            list << mp3Copy(track, signedLink(u"/api/tracks/%1/transcode"_s.arg(track.id),
                                              u"&format=mp3&bitrate=%1"_s.arg(kCompatibleMp3Kbps)));
        } else if (const auto rung = copyRung(track)) {
            list << videoCopy(track, *rung, signedLink(videoCopyPath(track.id), {}));
        }
        return list;
    };
    links.artwork = [signedLink](const Track &track) -> QString {
        if (track.kind == MediaKind::Video)
            return signedLink(u"/api/videos/%1/thumbnail"_s.arg(track.id), {});
        return signedLink(u"/api/tracks/%1/art"_s.arg(track.id), u"&size=%1"_s.arg(kArtworkSize));
    };
    links.caption = [signedLink, subtitles = context.services.subtitles](const Track &track) -> QString {
        const auto path = subRipPath(subtitles, track);
        return path ? signedLink(*path, {}) : QString();
    };
    links.albumArtwork = [signedLink](qint64 albumId) -> QString {
        return signedLink(u"/api/albums/%1/art"_s.arg(albumId), u"&size=%1"_s.arg(kArtworkSize));
    };
    return links;
}

ActionResult answerOf(const std::variant<BrowseAnswer, UpnpError> &outcome)
{
    if (const auto *error = std::get_if<UpnpError>(&outcome))
        return SoapFault{error->code, error->description};
    const BrowseAnswer &a = std::get<BrowseAnswer>(outcome);
    return ActionOutput{{u"Result"_s, a.result},
                        {u"NumberReturned"_s, QString::number(a.numberReturned)},
                        {u"TotalMatches"_s, QString::number(a.totalMatches)},
                        {u"UpdateID"_s, QString::number(a.updateId)}};
}

// Samsung TVs ask which containers hold what before they browse.
QString samsungFeatureList()
{
    QString out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(u"urn:schemas-upnp-org:av:avs"_s);
    xml.writeStartElement(u"urn:schemas-upnp-org:av:avs"_s, u"Features"_s);
    xml.writeStartElement(u"Feature"_s);
    xml.writeAttribute(u"name"_s, u"samsung.com_BASICVIEW"_s);
    xml.writeAttribute(u"version"_s, u"1"_s);
    for (const auto &[id, type] : {std::pair{u"music"_s, u"object.item.audioItem"_s},
                                   std::pair{u"videos"_s, u"object.item.videoItem"_s}}) {
        xml.writeEmptyElement(u"container"_s);
        xml.writeAttribute(u"id"_s, id);
        xml.writeAttribute(u"type"_s, type);
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace

ActionResult contentDirectoryAction(const SoapCall &call, const ControlContext &context)
{
    const QString &action = call.action;
    if (action == u"GetSearchCapabilities"_s)
        return ActionOutput{{u"SearchCaps"_s, ContentDirectory::searchCapabilities()}};
    if (action == u"GetSortCapabilities"_s)
        return ActionOutput{{u"SortCaps"_s, ContentDirectory::sortCapabilities()}};
    if (action == u"GetSystemUpdateID"_s)
        return ActionOutput{{u"Id"_s, QString::number(context.device.systemUpdateId())}};
    if (action == u"X_GetFeatureList"_s)
        return ActionOutput{{u"FeatureList"_s, samsungFeatureList()}};
    if (action != u"Browse"_s && action != u"Search"_s)
        return invalidAction();

    const auto start = unsignedArgument(call, u"StartingIndex"_s);
    if (!start)
        return missing(u"StartingIndex"_s);
    const auto count = unsignedArgument(call, u"RequestedCount"_s);
    if (!count)
        return missing(u"RequestedCount"_s);
    if (!context.services.auth || !context.services.database)
        return SoapFault{501, u"Action Failed: this server has no catalog"_s};
    const auto user = context.services.auth->activeUser(context.device.userId());
    if (!user)
        return SoapFault{501, u"Action Failed: the DLNA account is disabled or gone"_s};
    const ContentDirectory directory(*context.services.database, identityOf(*user, *context.services.auth).visibility,
                                     linksFor(context), context.device.systemUpdateId());
    if (action == u"Browse"_s) {
        BrowseRequest request;
        const QString flag = call.arguments.value(u"BrowseFlag"_s);
        if (flag == u"BrowseMetadata"_s)
            request.flag = BrowseFlag::Metadata;
        else if (flag == u"BrowseDirectChildren"_s)
            request.flag = BrowseFlag::DirectChildren;
        else
            return SoapFault{402, u"Invalid Args: BrowseFlag must be BrowseMetadata or BrowseDirectChildren"_s};
        if (!call.arguments.contains(u"ObjectID"_s))
            return SoapFault{402, u"Invalid Args: ObjectID is missing"_s};
        request.objectId = call.arguments.value(u"ObjectID"_s);
        readListing(request, call, *start, *count);
        return answerOf(directory.browse(request));
    }
    SearchRequest request;
    if (!call.arguments.contains(u"ContainerID"_s))
        return SoapFault{402, u"Invalid Args: ContainerID is missing"_s};
    request.containerId = call.arguments.value(u"ContainerID"_s);
    request.criteria = call.arguments.value(u"SearchCriteria"_s);
    readListing(request, call, *start, *count);
    return answerOf(directory.search(request));
}

} // namespace cairn::dlna
