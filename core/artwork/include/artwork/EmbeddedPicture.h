#pragma once
// Pictures embedded in audio files, read with TagLib per format: ID3v2 APIC (MP3, WAV, AIFF,
// TTA), FLAC PICTURE blocks, MP4 `covr`, Xiph METADATA_BLOCK_PICTURE (Vorbis, Opus, Ogg FLAC),
// APE "Cover Art (Front)" (APE, WavPack, Musepack) and ASF WM/Picture. The front cover wins.

#include <QByteArray>
#include <QString>

#include <optional>

namespace TagLib {
class File;
}

namespace cairn::artwork {

struct Picture
{
    QByteArray data;
    QByteArray mimeType;   // as the tag declares it; may be empty or wrong (sniff the data)
};

// The preferred picture of an already opened file (the scanner's), or nothing.
bool hasPicture(TagLib::File *file);
// Opens `path` and returns its preferred picture; pictures larger than `maxBytes` are
// reported as too large (`tooLarge`) instead of being copied.
struct PictureRead
{
    std::optional<Picture> picture;
    bool tooLarge = false;
};
PictureRead readPicture(const QString &path, qint64 maxBytes);

} // namespace cairn::artwork
