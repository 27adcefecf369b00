#pragma once
// Probes a media file with libavformat: container duration and bitrate, the main video and
// audio streams' codec, size, sample rate and channels, container/stream tags and lyrics.

#include "catalog/Lyrics.h"
#include "catalog/Track.h"

#include <QList>
#include <QString>

#include <optional>

namespace cairn::av {

struct ProbeResult
{
    std::optional<Track> track;
    QString error;   // readable reason when `track` is empty
    QList<Lyrics> lyrics = {};
};

// Gives up (with an error) after `timeoutMs`, so a pathological file cannot stall a scan.
ProbeResult probe(const QString &path, int timeoutMs = 30000);

} // namespace cairn::av
