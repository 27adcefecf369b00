#pragma once
// An opened libavformat input that closes itself, and the path form FFmpeg expects on each
// platform. Header-only: shared by the scanner's probe and HLS's index reader.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

extern "C" {
#include <libavformat/avformat.h>
}

namespace cairn::av {

struct FormatContextCloser
{
    void operator()(AVFormatContext *ctx) const { avformat_close_input(&ctx); }
};
using FormatContext = std::unique_ptr<AVFormatContext, FormatContextCloser>;

inline QByteArray nativePath(const QString &path)
{
#ifdef Q_OS_WIN
    return path.toUtf8();   // FFmpeg converts UTF-8 to wide paths on Windows
#else
    return QFile::encodeName(path);
#endif
}

} // namespace cairn::av
