#include "scan/ReaderVersions.h"

#include <taglib.h>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QString readerVersions()
{
    const unsigned format = avformat_version();
    return u"FFmpeg %1 (libavformat %2.%3.%4), TagLib %5.%6.%7"_s.arg(QString::fromLatin1(av_version_info()))
        .arg(AV_VERSION_MAJOR(format))
        .arg(AV_VERSION_MINOR(format))
        .arg(AV_VERSION_MICRO(format))
        .arg(TAGLIB_MAJOR_VERSION)
        .arg(TAGLIB_MINOR_VERSION)
        .arg(TAGLIB_PATCH_VERSION);
}

} // namespace cairn
