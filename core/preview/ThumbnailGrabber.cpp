#include "preview/ThumbnailGrabber.h"

#include "FfmpegRun.h"
#include "PreviewLog.h"

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

ThumbnailGrabber::ThumbnailGrabber(QString ffmpegProgram, int timeoutMs)
    : m_program(std::move(ffmpegProgram)), m_timeoutMs(timeoutMs)
{
}

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

QByteArray ThumbnailGrabber::grab(const QString &path, qint64 timeMs, int width) const
{
    FfmpegRun run(m_program, arguments(path, timeMs, width));
    if (run.start() && run.finish(QDeadlineTimer(m_timeoutMs)) && !run.output().isEmpty())
        return run.output();
    qCInfo(lcPreview).noquote() << "no key frame of" << path << "at" << timeMs << "ms:" << run.errorText();
    return retryDecodingEverything(path, timeMs, width);
}

// Some files carry no usable key-frame flags (or index): decoding every frame still finds one.
QByteArray ThumbnailGrabber::retryDecodingEverything(const QString &path, qint64 timeMs, int width) const
{
    FfmpegRun run(m_program, arguments(path, timeMs, width, false));
    if (run.start() && run.finish(QDeadlineTimer(m_timeoutMs)) && !run.output().isEmpty())
        return run.output();
    qCWarning(lcPreview).noquote() << "no thumbnail of" << path << "at" << timeMs << "ms:" << run.errorText();
    return {};
}

QList<QByteArray> ThumbnailGrabber::grabMany(const QString &path, const QList<qint64> &timesMs, int width,
                                             int parallel) const
{
    QList<QByteArray> results;
    results.reserve(timesMs.size());
    const qsizetype batch = qMax(1, parallel);
    for (qsizetype first = 0; first < timesMs.size(); first += batch) {
        std::vector<std::unique_ptr<FfmpegRun>> runs;
        for (qsizetype i = first; i < qMin(first + batch, timesMs.size()); ++i) {
            runs.push_back(std::make_unique<FfmpegRun>(m_program, arguments(path, timesMs.at(i), width)));
            runs.back()->start();
        }
        const QDeadlineTimer deadline(m_timeoutMs);
        for (size_t j = 0; j < runs.size(); ++j) {
            FfmpegRun &run = *runs[j];
            const qint64 timeMs = timesMs.at(first + qsizetype(j));
            if (run.finish(deadline) && !run.output().isEmpty())
                results.append(run.output());
            else
                results.append(retryDecodingEverything(path, timeMs, width));
        }
    }
    return results;
}

} // namespace cairn
