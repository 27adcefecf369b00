#pragma once
// What a streamed response is, as the handler that starts it describes it: the kind of
// delivery, the track, the transcode preset. Passed along with the body to HttpExchange::stream.

#include <QString>

namespace cairn {

enum class StreamKind { Direct, Download, Transcode, Hls };

struct StreamInfo
{
    StreamKind kind = StreamKind::Direct;
    qint64 trackId = 0;          // 0 = not a catalog track
    QString title;               // shown in the activity list and kept in history
    QString preset;              // transcode preset name, empty otherwise
    qint64 seekPositionMs = -1;  // where playback starts in the media, -1 = unknown
    QString player;              // the client's own name for itself (Subsonic `c`), if it gave one
    // False for responses that are long-lived but not media (event feeds): they are neither
    // listed, limited nor paced.
    bool counted = true;

    static StreamInfo uncounted()
    {
        StreamInfo info;
        info.counted = false;
        return info;
    }
};

// "direct", "download", "transcode", "hls": the names used in JSON, metrics and history.
QString streamKindName(StreamKind kind);
// The inverse; unknown names give Direct.
StreamKind streamKindFromName(const QString &name);

} // namespace cairn
