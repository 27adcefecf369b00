#include "PreviewClip.h"

#include <QCryptographicHash>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

} // namespace

PreviewClipPlan planPreviewClip(qint64 durationMs)
{
    const qint64 duration = qMax<qint64>(0, durationMs);
    if (duration == 0)   // unknown: the first 30 s, whatever there is
        return {0, kPreviewClipMs};
    if (duration <= kPreviewClipMs)
        return {0, duration};
    return {qMin(duration / 10, duration - kPreviewClipMs), kPreviewClipMs};
}

QStringList previewClipArguments(const QString &source, const PreviewClipPlan &plan, const QString &output)
{
    QStringList args{u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-nostdin"_s, u"-y"_s};
    if (plan.startMs > 0)
        args << u"-ss"_s << seconds(plan.startMs);
    args << u"-i"_s << source;
    if (plan.lengthMs > 0)
        args << u"-t"_s << seconds(plan.lengthMs);
    // The first video and (if any) the first audio stream; no subtitles, data or tags.
    args << u"-map"_s << u"0:v:0"_s << u"-map"_s << u"0:a:0?"_s << u"-sn"_s << u"-dn"_s
         << u"-map_metadata"_s << u"-1"_s << u"-map_chapters"_s << u"-1"_s
         // Fits the 854×480 box, aspect kept, never enlarged, even sides for yuv420p.
         << u"-vf"_s
         << u"scale=w='min(%1,iw)':h='min(%2,ih)':force_original_aspect_ratio=decrease:force_divisible_by=2"_s
                .arg(kPreviewMaxWidth)
                .arg(kPreviewMaxHeight)
         << u"-c:v"_s << u"libx264"_s << u"-preset"_s << u"veryfast"_s << u"-crf"_s << u"23"_s
         << u"-maxrate"_s << u"1400k"_s << u"-bufsize"_s << u"2800k"_s
         << u"-profile:v"_s << u"main"_s << u"-pix_fmt"_s << u"yuv420p"_s
         << u"-c:a"_s << u"aac"_s << u"-b:a"_s << u"128k"_s << u"-ac"_s << u"2"_s
         << u"-movflags"_s << u"+faststart"_s << u"-f"_s << u"mp4"_s << output;
    return args;
}

QString previewClipCacheKey(qint64 trackId, const SourceVersion &stamp)
{
    // Bump the version when the encoding changes, so old clips are not served.
    const QString text = u"preview-v1|%1|%2|%3"_s.arg(trackId).arg(stamp.size).arg(stamp.mtime.toMSecsSinceEpoch());
    return u"preview-"_s
           + QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(32));
}

} // namespace cairn
