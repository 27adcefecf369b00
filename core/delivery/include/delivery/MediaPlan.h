#pragma once
// What to send for one media request, as the planner decided: the original file, a finished
// transcode from the cache, or a live transcode with its output spec. The next kind it will
// carry is an HLS session (HLS still plans in its own route).

#include "catalog/Track.h"
#include "transcode/FfmpegArguments.h"

#include <QByteArray>
#include <QString>

namespace cairn {

struct MediaPlan
{
    enum class Kind { OriginalFile, CachedTranscode, LiveTranscode };

    Kind kind = Kind::OriginalFile;
    Track track;                // the track sent (title, duration, id)
    QString filePath;           // OriginalFile: the track's file; CachedTranscode: the cache entry
    QByteArray mediaType;       // Content-Type of what is sent

    // Transcodes. A CachedTranscode carries these too: if its entry is evicted before it is
    // opened, the same transcode runs live instead.
    QString presetName;         // the preset used, after the bitrate caps
    OutputSpec output;
    double offsetSeconds = 0;   // where FFmpeg starts in the source
    QString cacheKey;           // keep a complete live transcode under this key; empty = do not keep
    QString cacheExtension;     // the cache entry's file extension
    bool seekable = false;      // constant bitrate and a known duration: length and byte ranges are known

    // Seconds of the track from the offset to its end (0 when the duration is unknown).
    double remainingSeconds() const { return qMax(0.0, double(track.durationMs) / 1000.0 - offsetSeconds); }
};

} // namespace cairn
