#pragma once
// The text of HLS playlists (RFC 8216): the master playlist naming the variants, and a
// variant's VOD media playlist whose whole segment list is known before any segment exists.

#include "hls/HlsVariant.h"
#include "hls/SegmentTimeline.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace cairn {

// A subtitle rendition of the master playlist (EXT-X-MEDIA, TYPE=SUBTITLES).
struct HlsSubtitleRendition
{
    QString name;        // unique among the renditions
    QString language;    // RFC 5646; empty = not said
    bool forced = false;
    QString uri;         // its media playlist, already signed
};

// `uriFor` gives each variant's media playlist URI (relative or absolute, already signed).
// Every variant names the `subtitles` as its SUBTITLES group.
QByteArray masterPlaylist(const QList<HlsVariant> &variants, const std::function<QString(const HlsVariant &)> &uriFor,
                          const QList<HlsSubtitleRendition> &subtitles = {});

// `uriFor` gives the URI of segment `index`. With an `initUri` (fMP4 segments): version 7 and
// an EXT-X-MAP naming the init segment.
QByteArray mediaPlaylist(const SegmentTimeline &timeline, const std::function<QString(int index)> &uriFor,
                         const QString &initUri = {});

// The media playlist of a subtitle rendition: one WebVTT segment (`uri`) for the whole video.
QByteArray subtitlePlaylist(double durationSeconds, const QString &uri);

} // namespace cairn
