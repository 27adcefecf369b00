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

// `uriFor` gives the URI of segment `index`.
QByteArray mediaPlaylist(const SegmentTimeline &timeline, const std::function<QString(int index)> &uriFor);

} // namespace cairn
