#pragma once
// Key-frame thumbnails of a video as FFmpeg queue jobs: the key frame at or just before second
// t, as a JPEG scaled to a width (aspect kept). Seeking before the input and decoding key
// frames only makes any t as cheap as the first second; a file without usable key-frame flags
// gets a second run that decodes everything.

#include "ffmpeg/FfmpegJob.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace cairn {

class ThumbnailGrabber
{
public:
    // The runs of one thumbnail: key frames first, everything when that gave no picture.
    static FfmpegJob job(const QString &path, qint64 timeMs, int width, int runTimeoutMs);
    // The runs of many thumbnails of one video in a row (a sprite's tiles), each with its
    // fallback; `pictures(results)` then gives one JPEG per time (empty where it failed).
    static FfmpegJob batch(const QString &path, const QList<qint64> &timesMs, int width, int runTimeoutMs);
    static QList<QByteArray> pictures(const QList<FfmpegRunResult> &results, qsizetype count);

    // The ffmpeg arguments of one grab (tests read them).
    static QStringList arguments(const QString &path, qint64 timeMs, int width, bool keyFramesOnly = true);
};

} // namespace cairn
