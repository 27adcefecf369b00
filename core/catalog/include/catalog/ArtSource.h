#pragma once
// Where one piece of artwork comes from, as the scanner recorded it: a picture embedded in a
// media file, an image file in the album folder, or a frame of a video.

#include <QString>

namespace cairn {

// What a media file itself offers as artwork (tracks.embedded_art).
enum class EmbeddedArt { None = 0, Picture = 1, VideoFrame = 2 };

struct ArtSource
{
    enum class Kind { None, EmbeddedPicture, ImageFile, VideoFrame };
    Kind kind = Kind::None;
    QString path;            // the media file (embedded picture, video frame) or the image file
    qint64 durationMs = 0;   // video frame: the frame is taken at 10% of it

    bool isNone() const { return kind == Kind::None; }
    friend bool operator==(const ArtSource &, const ArtSource &) = default;
};

} // namespace cairn
