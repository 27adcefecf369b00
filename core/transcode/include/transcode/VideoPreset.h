#pragma once
// A video quality profile for HLS as a plain value: the frame box the picture is scaled into
// (aspect ratio kept, never upscaled) and the H.264 and AAC bitrates. Always H.264 + AAC.

#include <QString>

namespace cairn {

struct VideoPreset
{
    qint64 id = 0;            // 0 = not stored yet
    QString name;             // "720p"
    int width = 0;            // the output fits inside width × height
    int height = 0;
    int videoKbps = 0;
    int audioKbps = 0;

    friend bool operator==(const VideoPreset &, const VideoPreset &) = default;
};

} // namespace cairn
