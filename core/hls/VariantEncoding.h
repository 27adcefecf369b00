#pragma once
// How a ladder rung is encoded, in FFmpeg's words: the input (seek first, then the file), the
// H.264 and AAC settings. Shared by the HLS segmenter and the continuous MPEG-TS stream, so a
// renderer's copy is encoded exactly as the HLS variant of the same rung.

#include "hls/HlsVariant.h"

#include <QStringList>

namespace cairn {

// `-ss START -i file:PATH`, the first video and (if any) first audio stream, with the quiet
// flags every Cairn FFmpeg run takes.
QStringList encodeInputArguments(const QString &inputPath, double startSeconds);
// libx264 at `x264Preset`, High profile at the rung's level, its size and bitrates, a keyframe
// at least every `keyframeSeconds` (counted from the output's start).
QStringList encodeVideoArguments(const HlsVariant &variant, const QString &x264Preset, int keyframeSeconds);
// AAC-LC stereo at 48 kHz at the rung's audio bitrate, or no audio for a rung without.
QStringList encodeAudioArguments(const HlsVariant &variant);

// Seconds as FFmpeg reads them, "12.500" (locale-independent).
QString ffmpegSeconds(double value);

} // namespace cairn
