#pragma once
// What HLS tests read: master and media playlists parsed back into their parts, the session
// and variant a playlist URL names, and ffprobe's view of a URL or a file.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::test {

struct MasterEntry
{
    qint64 bandwidth = 0;
    QString resolution;   // "640x360"
    QString codecs;
    QString uri;
};

struct SessionUrl
{
    QString id;
    QString variant;
};

QByteArray masterPath(qint64 videoId);
QList<MasterEntry> parseMaster(const QByteArray &playlist);
// The URI lines of a media playlist, in order.
QStringList mediaUris(const QByteArray &playlist);
// The URI of a media playlist's EXT-X-MAP (its fMP4 init segment), or empty.
QString mapUri(const QByteArray &playlist);
// What `ffmpeg -v warning -i <input> -f null -` prints reading all of it (empty: clean), or
// its exit status and output when it fails.
QByteArray decodeWarnings(const QString &input);
// ".../hls/<session>/<variant>/index.m3u8?…" → its session and variant.
SessionUrl sessionOf(const QString &variantUri);

// ffprobe's JSON (format + streams) for a URL or a file; empty when it fails.
QJsonObject ffprobe(const QString &input);
bool firstVideoFrameIsKey(const QString &file);
QString videoSize(const QString &file);   // "854x480"

} // namespace cairn::test
