#pragma once
// A video's subtitles: the list (GET /api/videos/{id}/subtitles), each track as WebVTT
// (…/subtitles/{track}.vtt) or SubRip (…/subtitles/{track}.srt, for DLNA TVs), and for HLS each track's one-segment media playlist and its WebVTT
// tied to the segments' timestamps (…/hls/subtitles/{track}.m3u8 and .vtt for fMP4 segments,
// {track}-ts.m3u8 and -ts.vtt for MPEG-TS ones). HLS master
// playlists and DASH manifests name them through subtitleRenditions().

#include "hls/DashManifest.h"
#include "hls/HlsPlaylist.h"
#include "hls/SegmentFormat.h"

#include <QList>
#include <QString>

#include <optional>

namespace cairn {

class Authenticator;
class HttpExchange;
class Router;
class VideoSubtitles;
struct HttpServices;
struct Track;

void addSubtitleRoutes(Router &router, const HttpServices &services);

// The subtitles of `video` for its HLS master playlist and its DASH manifest, their URLs
// signed for the caller; the HLS ones timed for `format` segments. Empty when `subtitles` is
// null.
struct SubtitleRenditions
{
    QList<HlsSubtitleRendition> hls;
    QList<DashTextTrack> dash;
};
SubtitleRenditions subtitleRenditions(const VideoSubtitles *subtitles, const Authenticator *auth, const Track &video,
                                      const HttpExchange &ex, SegmentFormat format);

// The URL path of `video`'s preferred subtitle track as SubRip (what DLNA TVs take: one track,
// SRT), or nullopt without subtitles (or without the service).
std::optional<QString> subRipPath(const VideoSubtitles *subtitles, const Track &video);

} // namespace cairn
