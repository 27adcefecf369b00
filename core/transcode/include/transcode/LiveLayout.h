#pragma once
// How the bytes of a live transcode relate to time. For constant-bitrate outputs (MP3 CBR,
// WAV) the length follows from the duration, so a live transcode can announce it and answer a
// byte range by starting FFmpeg at the matching time: seeking works on the very first play.

#include "transcode/FfmpegArguments.h"

#include "stream/ByteRange.h"

#include <QByteArray>

#include <optional>

namespace cairn {

// The bytes one response carries and how to get them from FFmpeg.
struct LivePlan
{
    qint64 totalLength = -1;   // the entity's announced length; -1 = unknown (chunked)
    bool partial = false;      // a 206 for `range`
    ByteRange range;           // when partial
    QByteArray prefix;         // bytes Cairn sends before FFmpeg's (a slice of the WAV header)
    double startSeconds = 0;   // FFmpeg's input seek
    qint64 skipBytes = 0;      // FFmpeg output bytes dropped first (WAV sample alignment)
    qint64 bodyLength = -1;    // exact bytes to send (pad with silence / trim); -1 = as produced
};

// Estimated length of `seconds` of `spec`; nullopt for variable-bitrate outputs.
std::optional<qint64> estimatedLength(const OutputSpec &spec, double seconds);

// The RIFF/WAVE header for `dataBytes` of 16-bit PCM.
QByteArray wavHeader(const OutputSpec &spec, qint64 dataBytes);

// `durationSeconds` is what remains after `offsetSeconds` (0 = unknown: no length, no ranges);
// `rangeHeader` is the raw Range value (ignored for variable-bitrate outputs). nullopt = the
// range cannot be satisfied (416).
std::optional<LivePlan> planLive(const OutputSpec &spec, double durationSeconds, double offsetSeconds,
                                 QByteArrayView rangeHeader);

} // namespace cairn
