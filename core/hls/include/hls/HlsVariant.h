#pragma once
// One rendition a master playlist offers: the output frame size, bitrates and the H.264 level
// and CODECS string players use to pick a variant before fetching any segment.

#include <QString>

namespace cairn {

struct VideoPreset;

struct HlsVariant
{
    QString key;               // how URLs name it: the preset id as decimal text
    QString name;              // the preset's name (activity, logs)
    int width = 0;             // output frame size: even, aspect kept, never above the source
    int height = 0;
    int videoKbps = 0;
    int audioKbps = 0;         // 0 when the source has no audio
    QString h264Level;         // "3.1", "4.0", "4.2", "5.2"
    QString codecs;            // RFC 6381 for CODECS, e.g. "avc1.64001f,mp4a.40.2" (no mp4a without audio)
    // The source's own streams copied into the segments, cut at its keyframes (no encoding).
    bool passthrough = false;
    // A copied source's rates as measured in the file, bits/s, audio included: its busiest
    // segment and its whole length (0 = not measured: the rates come from the kbit/s above).
    qint64 measuredPeakBps = 0;
    qint64 measuredAverageBps = 0;

    int maxRateKbps() const;           // videoKbps * 11 / 10 (the encoder's -maxrate)
    // BANDWIDTH: (maxRate + audio) * 1000 * 1.05 (MPEG-TS overhead), bits/s; measured: peak * 1.05.
    qint64 bandwidth() const;
    qint64 averageBandwidth() const;   // (video + audio) * 1000 * 1.05; measured: average * 1.05

    friend bool operator==(const HlsVariant &, const HlsVariant &) = default;
};

// The lowest of "3.1", "4.0", "4.2", "5.2" whose frame-size and macroblock-rate limits hold a
// width × height frame at 60 fps (for 16:9 frames: height ≤ 480, ≤ 720, ≤ 1080, above).
QString h264LevelFor(int width, int height);

// "avc1.64XXYY" (High profile, no constraint flags, level XXYY) plus ",mp4a.40.2" (AAC-LC) with audio.
QString codecsFor(const QString &h264Level, bool hasAudio);

// The complete variant for `preset` encoded at width × height.
HlsVariant variantFor(const VideoPreset &preset, int width, int height, bool hasAudio);

} // namespace cairn
