#pragma once
// Media files for tests, generated on the spot with the ffmpeg CLI (real files, real codecs).

#include <QMap>
#include <QString>

namespace cairn::test {

using Tags = QMap<QString, QString>;   // ffmpeg metadata keys: title, artist, album, album_artist, track, disc, date, genre

// Writes `seconds` of a sine tone; the codec follows the extension (mp3, flac, ogg, opus, m4a,
// wav, wv, wma, mka). Returns an empty string on success, else ffmpeg's error output.
QString makeAudio(const QString &path, double seconds, const Tags &tags = {});

// Writes a small test-pattern video with a tone; container from the extension (mp4, mkv,
// webm, avi, mov).
QString makeVideo(const QString &path, double seconds, int width = 320, int height = 240);

// The whole content of a (small) file, empty when it cannot be read.
QByteArray readFile(const QString &path);

// Runs a program and returns its stdout ("" on failure).
QByteArray runProgram(const QString &program, const QStringList &args, int timeoutMs = 60000);
// Seconds of audio in an encoded byte string (a body received), decoded by ffmpeg through a
// file with this extension, so any container works; -1 when the file cannot be written.
double decodedSeconds(const QByteArray &bytes, const QString &extension);

} // namespace cairn::test
