#pragma once
// A catalog item (audio track or video) as a plain value: identity of its file,
// technical facts from probing, and tags. Carries no QtSql types.

#include "catalog/ArtSource.h"

#include <QDateTime>
#include <QString>

namespace cairn {

enum class MediaKind { Audio, Video };

struct Track
{
    qint64 id = 0;
    qint64 folderId = 0;
    MediaKind kind = MediaKind::Audio;

    // File identity. `path` is absolute and never leaves the server.
    QString path;
    qint64 size = 0;
    QDateTime mtime;          // UTC, second precision

    // Technical facts.
    QString format;           // lower-case file extension: "mp3", "flac", "mkv"…
    QString codec;            // e.g. "mp3", "flac", "h264"
    qint64 durationMs = 0;
    int bitrate = 0;          // kbit/s
    int sampleRate = 0;       // Hz
    int channels = 0;
    int width = 0;            // video only
    int height = 0;           // video only

    // Tags (empty when absent; album/artist fall back to folder names).
    QString title;
    QString artist;
    QString album;
    QString albumArtist;
    QString genre;
    int trackNumber = 0;
    int discNumber = 0;
    int year = 0;

    qint64 albumId = 0;
    qint64 artistId = 0;

    // Artwork: what the file embeds (set by the reader) and the album folder's image (set by
    // the scanner's folder pass; ignored by upsert).
    EmbeddedArt embeddedArt = EmbeddedArt::None;
    QString folderArt;

    // Names the track is filed under (from the album/artist rows: tags or folder fallbacks).
    // Filled by TrackRepository reads; ignored by upsert.
    QString albumTitle;
    QString artistName;
    QString albumArtistName;
};

} // namespace cairn
