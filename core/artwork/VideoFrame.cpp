#include "VideoFrame.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::artwork {

FfmpegJob videoFrameJob(const QString &path, qint64 durationMs, int runTimeoutMs)
{
    const double seconds = double(qMax<qint64>(0, durationMs)) / 10000.0;
    // Seeking before -i is fast (keyframe-based) and exact enough for a poster.
    FfmpegJob job = FfmpegJob::single(
        {}, FfmpegPriority::Picture,
        {u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-nostdin"_s, u"-ss"_s, QString::number(seconds, 'f', 3),
         u"-i"_s, path, u"-frames:v"_s, u"1"_s, u"-an"_s, u"-sn"_s, u"-vf"_s, u"scale='min(iw,2048)':-2"_s,
         u"-f"_s, u"image2pipe"_s, u"-c:v"_s, u"mjpeg"_s, u"-q:v"_s, u"3"_s, u"pipe:1"_s},
        runTimeoutMs);
    job.maxOutputBytes = 32LL << 20;
    job.finish = [](const QList<FfmpegRunResult> &results) {
        if (results.isEmpty() || !results.last().ok || results.last().output.isEmpty())
            return FfmpegOutcome::failed(results.isEmpty() ? u"no frame"_s : results.last().error);
        return FfmpegOutcome::ok(results.last().output);
    };
    return job;
}

} // namespace cairn::artwork
