#pragma once
// Reads one media file into a Track (and an audio file's lyrics): TagLib for audio, libavformat
// for video and for audio TagLib cannot read. Never throws; a broken file yields a readable
// reason instead.

#include "catalog/Lyrics.h"
#include "catalog/Track.h"

#include <QList>
#include <QString>

#include <optional>

namespace cairn {

struct MediaReadResult
{
    std::optional<Track> track;   // size/mtime/folderId are left for the caller
    QString error;
    QList<Lyrics> lyrics = {};    // of audio only
};

namespace media {

MediaReadResult read(const QString &path, MediaKind kind);

} // namespace media
} // namespace cairn
