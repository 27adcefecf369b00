#pragma once
// How HLS sessions run: the segment length, the encoder's speed, how far FFmpeg may run
// ahead of the player, and when idle work and idle sessions stop.

#include "hls/SegmentFormat.h"

#include <QString>

namespace cairn {

struct HlsSettings
{
    int segmentSeconds = 6;
    SegmentFormat segmentFormat = SegmentFormat::Fmp4;
    QString x264Preset = QStringLiteral("veryfast");
    // FFmpeg keeps going while it is at most this many segments ahead of the last request.
    int aheadSegments = 10;
    // Segments prepared after the last request when no FFmpeg runs (resumes after a pause).
    int lookaheadSegments = 3;
    int producerIdleMs = 20000;     // no request this long: FFmpeg stops
    int sessionIdleMs = 120000;     // no request this long: the session ends (activity, history)
    int segmentWaitMs = 60000;      // a requested segment not ready by then fails
    // At a user's session cap, a session whose player has been silent this long (paused or
    // gone: a playing one asks every segment length) makes room for a new one.
    int replaceAfterSilenceMs = 30000;
    // Where FFmpeg writes segments before they move into the transcode cache. Best on the
    // cache's file system (a rename, not a copy). Empty = a directory under the system temp.
    QString workDirectory;
};

} // namespace cairn
