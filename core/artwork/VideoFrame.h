#pragma once
// A poster frame of a video, taken with the ffmpeg command-line tool at 10% of the duration
// (past black intros and studio logos), as a JPEG at the video's own size.

#include <QByteArray>
#include <QString>

namespace cairn::artwork {

// The JPEG bytes, or empty when ffmpeg is missing, fails or takes longer than `timeoutMs`.
QByteArray grabVideoFrame(const QString &path, qint64 durationMs, int timeoutMs = 20000);

} // namespace cairn::artwork
