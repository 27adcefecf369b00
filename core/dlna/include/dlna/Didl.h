#pragma once
// What the HTTP face hands the ContentDirectory so its DIDL-Lite can point at media: the URLs
// depend on the Host the renderer used and are signed per request, so they are made there.

#include "catalog/Track.h"

#include <QList>
#include <QString>

#include <functional>

namespace cairn::dlna {

struct DidlResource {   // one <res>
    QString url;
    QString protocolInfo;
    qint64 size = -1;              // -1: unknown (a transcode without a length), left out
    qint64 durationMs = 0;
    int bitrateBytesPerSecond = 0;
    int sampleRate = 0;
    int channels = 0;
    QString resolution;            // "WxH"
};

struct DidlLinks {      // made by the HTTP face per request (the Host the renderer used, signed URLs)
    std::function<QList<DidlResource>(const Track &)> resources;   // preference order; first = original
    std::function<QString(const Track &)> artwork;                 // JPEG URL for upnp:albumArtURI; empty = none
    std::function<QString(qint64 albumId)> albumArtwork;           // for album containers; empty = none
    std::function<QString(const Track &)> caption;                 // a video's SubRip URL (Samsung's CaptionInfo); empty = none
};

} // namespace cairn::dlna
