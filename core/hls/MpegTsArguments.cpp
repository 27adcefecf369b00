#include "hls/MpegTsArguments.h"

#include "VariantEncoding.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QStringList mpegTsArguments(const MpegTsJob &job)
{
    QStringList args = encodeInputArguments(job.inputPath, job.startSeconds);
    args << encodeVideoArguments(job.variant, job.x264Preset, job.keyframeSeconds)
         << encodeAudioArguments(job.variant);
    // Only the mapped picture and sound: the source's tags and chapters mean nothing to a
    // renderer playing a stream.
    args << u"-map_metadata"_s << u"-1"_s << u"-map_chapters"_s << u"-1"_s
         << u"-max_muxing_queue_size"_s << u"1024"_s << u"-f"_s << u"mpegts"_s << u"pipe:1"_s;
    return args;
}

} // namespace cairn
