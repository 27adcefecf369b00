#include "hls/SegmentKey.h"

#include <QCryptographicHash>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString encodeText(const HlsSessionSource &source, const HlsVariant &v, const QString &x264Preset)
{
    return u"%1|%2|%3|%4x%5|%6|%7|%8|%9"_s.arg(source.trackId)
               .arg(source.size)
               .arg(source.mtime.toMSecsSinceEpoch())
               .arg(v.width)
               .arg(v.height)
               .arg(v.videoKbps)
               .arg(v.audioKbps)
               .arg(x264Preset, v.h264Level)
           + u"|%1"_s.arg(v.passthrough ? u"copy"_s : u"encode"_s);
}

QString hashed(QLatin1StringView prefix, const QString &text)
{
    return prefix + QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(32));
}

} // namespace

QString segmentCacheKey(const HlsSessionSource &source, const HlsVariant &v, int index, const QString &x264Preset)
{
    const SegmentTimeline &timeline = source.timelineFor(v);
    const QString text = u"hls|"_s + encodeText(source, v, x264Preset)
                         + u"|%1|%2|%3|%4"_s.arg(timeline.startSeconds(index))
                               .arg(timeline.durationSeconds(index))
                               .arg(index)
                               .arg(segmentExtension(source.format));
    return hashed("hls-"_L1, text);
}

QString variantVersionKey(const HlsSessionSource &source, const HlsVariant &v, const QString &x264Preset)
{
    const SegmentTimeline &timeline = source.timelineFor(v);
    const QString text = u"version|"_s + encodeText(source, v, x264Preset)
                         + u"|%1|%2|%3"_s.arg(timeline.targetSeconds())
                               .arg(qRound64(timeline.totalSeconds() * 1000))
                               .arg(segmentExtension(source.format));
    return hashed("v"_L1, text);
}

} // namespace cairn
