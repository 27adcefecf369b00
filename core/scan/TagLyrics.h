#pragma once
// Finds the lyrics in a file's tags with TagLib: ID3v2 USLT and SYLT (with their language and
// description), Vorbis comments, MP4 ©lyr, APE and ASF lyrics, whichever the format carries.

namespace TagLib {
class File;
}

namespace cairn {

class LyricsCollector;

namespace taglib {

// Adds every lyrics text of `file`'s tags to `lyrics`, in tag order.
void collectLyrics(TagLib::File *file, LyricsCollector &lyrics);

} // namespace taglib
} // namespace cairn
