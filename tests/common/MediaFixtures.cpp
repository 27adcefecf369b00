#include "MediaFixtures.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {
namespace {

QStringList audioCodecArgs(const QString &ext)
{
    if (ext == u"mp3") return {u"-c:a"_s, u"libmp3lame"_s, u"-b:a"_s, u"128k"_s};
    if (ext == u"flac") return {u"-c:a"_s, u"flac"_s};
    if (ext == u"ogg") return {u"-c:a"_s, u"libvorbis"_s};
    if (ext == u"opus") return {u"-c:a"_s, u"libopus"_s, u"-b:a"_s, u"64k"_s};
    if (ext == u"m4a") return {u"-c:a"_s, u"aac"_s, u"-b:a"_s, u"128k"_s};
    if (ext == u"wav") return {u"-c:a"_s, u"pcm_s16le"_s};
    if (ext == u"wv") return {u"-c:a"_s, u"wavpack"_s};
    if (ext == u"wma") return {u"-c:a"_s, u"wmav2"_s, u"-f"_s, u"asf"_s};
    return {};
}

QString run(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"ffmpeg"_s, args);
    if (!p.waitForStarted(10000))
        return u"cannot start ffmpeg"_s;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return u"ffmpeg timed out"_s;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromUtf8(p.readAll().right(2000));
    return {};
}

} // namespace

QString makeAudio(const QString &path, double seconds, const Tags &tags)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    QStringList args{u"-nostdin"_s, u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-y"_s,
                     u"-f"_s, u"lavfi"_s,
                     u"-i"_s, u"sine=frequency=440:sample_rate=44100:duration=%1"_s.arg(seconds),
                     u"-ac"_s, u"2"_s};
    if (ext == u"opus")
        args << u"-ar"_s << u"48000"_s;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        args << u"-metadata"_s << it.key() + u'=' + it.value();
    args << audioCodecArgs(ext) << path;
    return run(args);
}

QString makeVideo(const QString &path, double seconds, int width, int height)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    QStringList args{u"-nostdin"_s, u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-y"_s,
                     u"-f"_s, u"lavfi"_s, u"-i"_s,
                     u"testsrc=size=%1x%2:rate=25:duration=%3"_s.arg(width).arg(height).arg(seconds),
                     u"-f"_s, u"lavfi"_s, u"-i"_s,
                     u"sine=frequency=440:duration=%1"_s.arg(seconds)};
    if (ext == u"webm")
        args << u"-c:v"_s << u"libvpx"_s << u"-b:v"_s << u"200k"_s << u"-c:a"_s << u"libopus"_s;
    else if (ext == u"avi")
        args << u"-c:v"_s << u"mpeg4"_s << u"-c:a"_s << u"libmp3lame"_s;
    else
        args << u"-c:v"_s << u"libx264"_s << u"-preset"_s << u"ultrafast"_s << u"-pix_fmt"_s
             << u"yuv420p"_s << u"-c:a"_s << u"aac"_s;
    args << u"-shortest"_s << path;
    return run(args);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray runProgram(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000) || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return p.readAllStandardOutput();
}

double decodedSeconds(const QByteArray &bytes, const QString &extension)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"body."_s + extension);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    f.write(bytes);
    f.close();
    const QByteArray pcm = runProgram(u"ffmpeg"_s, {u"-v"_s, u"quiet"_s, u"-i"_s, path, u"-f"_s, u"s16le"_s,
                                                    u"-ac"_s, u"1"_s, u"-ar"_s, u"8000"_s, u"pipe:1"_s});
    return double(pcm.size()) / 16000.0;   // 8000 mono 16-bit samples a second
}

} // namespace cairn::test
