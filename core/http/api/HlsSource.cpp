#include "api/HlsSource.h"

#include "api/VideoCopy.h"

#include "hls/VariantLadder.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

Result<HlsSessionSource> encodedHlsSource(const Track &track, const QList<VideoPreset> &presets, int segmentSeconds,
                                          SegmentFormat format)
{
    HlsSessionSource source;
    source.format = format;
    source.variants = variantLadder(presets, videoFactsOf(track));
    if (source.variants.isEmpty())
        return DomainError::unavailable(u"no video presets are configured (add one in the Presets tab)"_s);
    const QFileInfo file(track.path);
    source.trackId = track.id;
    source.path = track.path;
    source.size = file.size();
    source.mtime = file.lastModified().toUTC();
    source.title = track.title.isEmpty() ? file.completeBaseName() : track.title;
    source.timeline = SegmentTimeline(track.durationMs, segmentSeconds);
    if (source.timeline.count() == 0)
        return DomainError::unprocessable(u"the video's duration is unknown; it cannot be segmented"_s);
    return source;
}

} // namespace cairn
