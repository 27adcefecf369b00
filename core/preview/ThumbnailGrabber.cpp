#include "preview/ThumbnailGrabber.h"

#include "PreviewLog.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

bool gavePicture(const FfmpegRunResult &run)
{
    return run.ok && !run.output.isEmpty();
}

// Walks the runs of a batch: each time has a key-frame run, and a full-decode run after it
// when the first gave no picture. Calls `picture(i, jpeg)` for each time settled so far and
// returns the index of the first unsettled time and whether its key-frame run already failed.
template<typename Picture>
std::pair<qsizetype, bool> settle(const QList<FfmpegRunResult> &results, qsizetype count, Picture picture)
{
    qsizetype time = 0;
    qsizetype run = 0;
    while (time < count && run < results.size()) {
        if (gavePicture(results.at(run))) {
            picture(time, results.at(run).output);
            ++time;
            ++run;
        } else if (run + 1 < results.size()) {   // the fallback ran too
            picture(time, gavePicture(results.at(run + 1)) ? results.at(run + 1).output : QByteArray());
            ++time;
            run += 2;
        } else {
            return {time, true};
        }
    }
    return {time, false};
}

} // namespace

QStringList ThumbnailGrabber::arguments(const QString &path, qint64 timeMs, int width, bool keyFramesOnly)
{
    QStringList args{u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-nostdin"_s};
    // Without accurate seeking the key frame the demuxer lands on is the picture; with key
    // frames only, nothing between it and t is decoded. Passthrough timing keeps that frame,
    // whose timestamp lies before the seek point (the default sync would drop it).
    if (keyFramesOnly)
        args << u"-skip_frame"_s << u"nokey"_s << u"-noaccurate_seek"_s;
    args << u"-ss"_s << QString::number(double(qMax<qint64>(0, timeMs)) / 1000.0, 'f', 3)
         << u"-i"_s << path
         << u"-map"_s << u"0:v:0"_s << u"-frames:v"_s << u"1"_s << u"-an"_s << u"-sn"_s << u"-dn"_s
         << u"-fps_mode"_s << u"passthrough"_s
         << u"-vf"_s << u"scale=%1:-2"_s.arg(width)
         << u"-f"_s << u"image2pipe"_s << u"-c:v"_s << u"mjpeg"_s << u"-q:v"_s << u"4"_s << u"pipe:1"_s;
    return args;
}

FfmpegJob ThumbnailGrabber::job(const QString &path, qint64 timeMs, int width, int runTimeoutMs)
{
    return batch(path, {timeMs}, width, runTimeoutMs);
}

FfmpegJob ThumbnailGrabber::batch(const QString &path, const QList<qint64> &timesMs, int width, int runTimeoutMs)
{
    FfmpegJob job;
    job.priority = FfmpegPriority::Picture;
    job.runTimeoutMs = runTimeoutMs;
    job.maxOutputBytes = 8LL << 20;
    job.nextRun = [path, timesMs, width](const QList<FfmpegRunResult> &results) -> std::optional<QStringList> {
        const auto [time, keyFramesFailed] = settle(results, timesMs.size(), [](qsizetype, const QByteArray &) {});
        if (time >= timesMs.size())
            return std::nullopt;
        if (keyFramesFailed) {
            // Some files carry no usable key-frame flags (or index): decoding everything still finds one.
            qCInfo(lcPreview).noquote() << "no key frame of" << path << "at" << timesMs.at(time) << "ms:"
                                        << results.last().error;
            return arguments(path, timesMs.at(time), width, false);
        }
        return arguments(path, timesMs.at(time), width, true);
    };
    return job;
}

QList<QByteArray> ThumbnailGrabber::pictures(const QList<FfmpegRunResult> &results, qsizetype count)
{
    QList<QByteArray> out(count);
    settle(results, count, [&](qsizetype i, const QByteArray &jpeg) { out[i] = jpeg; });
    return out;
}

} // namespace cairn
