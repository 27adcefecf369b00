#include "VideoFrame.h"

#include "base/FfmpegLocation.h"

#include "ArtworkLog.h"

#include <QProcess>

using namespace Qt::Literals::StringLiterals;

namespace cairn::artwork {

QByteArray grabVideoFrame(const QString &path, qint64 durationMs, int timeoutMs)
{
    const QString ffmpeg = locateFfmpeg();
    if (ffmpeg.isEmpty()) {
        qCWarning(lcArtwork) << "ffmpeg not found: no video poster frames";
        return {};
    }
    const double seconds = double(qMax<qint64>(0, durationMs)) / 10000.0;
    QProcess process;
    // Seeking before -i is fast (keyframe-based) and exact enough for a poster.
    process.start(ffmpeg, {u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-nostdin"_s,
                           u"-ss"_s, QString::number(seconds, 'f', 3), u"-i"_s, path,
                           u"-frames:v"_s, u"1"_s, u"-an"_s, u"-sn"_s,
                           u"-vf"_s, u"scale='min(iw,2048)':-2"_s,
                           u"-f"_s, u"image2pipe"_s, u"-c:v"_s, u"mjpeg"_s, u"-q:v"_s, u"3"_s,
                           u"pipe:1"_s});
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        qCWarning(lcArtwork) << "ffmpeg did not deliver a frame of" << path << "in time";
        return {};
    }
    const QByteArray frame = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || frame.isEmpty()) {
        qCInfo(lcArtwork) << "no frame from" << path << ":" << process.readAllStandardError().trimmed();
        return {};
    }
    return frame;
}

} // namespace cairn::artwork
