#include "api/VideoCopy.h"

#include "transcode/VideoPreset.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QString videoCopyPath(qint64 trackId)
{
    return u"/api/videos/%1/mpegts"_s.arg(trackId);
}

VideoSourceFacts videoFactsOf(const Track &track)
{
    return {track.width, track.height, track.channels > 0 || track.sampleRate > 0};
}

std::optional<HlsVariant> videoCopyRung(const QList<VideoPreset> &presets, const Track &track)
{
    return topVariant(presets, videoFactsOf(track));
}

QString videoCopyName(const HlsVariant &rung)
{
    return u"MPEG-TS "_s + rung.name;
}

} // namespace cairn
