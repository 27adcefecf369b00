#pragma once
// Key-frame thumbnails of a video with the ffmpeg command-line tool: the key frame at or just
// before second t, as a JPEG scaled to a width (aspect kept). Seeking before the input and
// decoding key frames only makes any t as cheap as the first second.

#include <QByteArray>
#include <QList>
#include <QString>

namespace cairn {

class ThumbnailGrabber
{
public:
    explicit ThumbnailGrabber(QString ffmpegProgram, int timeoutMs = 20000);

    // The JPEG, or empty when ffmpeg is missing, fails or is late.
    QByteArray grab(const QString &path, qint64 timeMs, int width) const;
    // One JPEG per time (empty where it failed), with at most `parallel` ffmpeg runs at once;
    // the whole batch shares one timeout per round.
    QList<QByteArray> grabMany(const QString &path, const QList<qint64> &timesMs, int width, int parallel = 3) const;

    // The ffmpeg arguments of one grab (tests read them).
    static QStringList arguments(const QString &path, qint64 timeMs, int width, bool keyFramesOnly = true);

private:
    QByteArray retryDecodingEverything(const QString &path, qint64 timeMs, int width) const;

    QString m_program;
    int m_timeoutMs;
};

} // namespace cairn
