#pragma once
// The text of HLS playlists (RFC 8216): the master playlist naming the variants, and a
// variant's VOD media playlist whose whole segment list is known before any segment exists.

#include "hls/HlsVariant.h"
#include "hls/SegmentTimeline.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace cairn {

// `uriFor` gives each variant's media playlist URI (relative or absolute, already signed).
QByteArray masterPlaylist(const QList<HlsVariant> &variants, const std::function<QString(const HlsVariant &)> &uriFor);

// `uriFor` gives the URI of segment `index`. With an `initUri` (fMP4 segments): version 7 and
// an EXT-X-MAP naming the init segment.
QByteArray mediaPlaylist(const SegmentTimeline &timeline, const std::function<QString(int index)> &uriFor,
                         const QString &initUri = {});

} // namespace cairn
