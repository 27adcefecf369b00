#pragma once
// Builds FFmpeg's argument list for one transcode, only from a validated preset resolved
// against the source's facts, a catalog path and numbers: never from client text, and never
// through a shell.

#include "transcode/Preset.h"

#include <QStringList>

namespace cairn {

// A preset with every "0 = the source's" resolved to a concrete value FFmpeg will produce.
struct OutputSpec
{
    OutputFormat format = OutputFormat::Mp3;
    int bitrateKbps = 0;
    int sampleRate = 44100;
    int channels = 2;

    friend bool operator==(const OutputSpec &, const OutputSpec &) = default;
};

// `sourceRate`/`sourceChannels` come from the catalog (0 = unknown).
OutputSpec resolveOutput(const Preset &preset, int sourceRate, int sourceChannels);

struct TranscodeJob
{
    QString inputPath;          // absolute path from the catalog
    OutputSpec output;
    double startSeconds = 0;    // input seek (before -i: fast, whatever the offset)
    double maxSeconds = 0;      // 0 = to the end
};

// Arguments for `ffmpeg` writing the encoded stream to its stdout. WAV is written as raw PCM:
// Cairn writes the RIFF header itself, so it can state the exact length up front.
QStringList ffmpegArguments(const TranscodeJob &job);

} // namespace cairn
