#pragma once
// A video's text subtitles as WebVTT, the one subtitle format every web and HLS/DASH player
// reads: made by FFmpeg (through the FFmpeg queue, answered later on the asker's thread) from
// the video's stream or the sidecar file, once per version of the source, and kept in a
// bounded disk cache. Thread-safe: HTTP workers share one instance.

#include "catalog/Track.h"
#include "subtitle/SubtitleTrack.h"

#include <QByteArray>
#include <QCache>
#include <QMutex>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cairn {

class FfmpegQueue;
namespace artwork { class ArtworkCache; }

struct VideoSubtitleOptions
{
    QString cacheDirectory;
    qint64 cacheBytes = 32LL << 20;
    int conversionTimeoutMs = 5 * 60000;   // FFmpeg reads a whole film to reach every cue
};

struct SubtitleValidators
{
    QByteArray etag;          // strong, quoted; changes with the source file
    QDateTime lastModified;   // the source file's, UTC, whole seconds
};

struct WebVttText
{
    enum class Status { Ok, SourceGone, Busy, Failed };
    Status status = Status::Failed;
    QByteArray vtt;           // UTF-8, starting "WEBVTT"
    SubtitleValidators validators;
    QString error;            // Failed: why, for the log and the client
    int retryAfterSeconds = 0;
};

class VideoSubtitles
{
public:
    VideoSubtitles(VideoSubtitleOptions options, FfmpegQueue &jobs);
    ~VideoSubtitles();

    // subtitleTracksOf(videoPath), read once per version of the video and of its directory (a
    // sidecar added or removed changes the directory): a DLNA listing asks for every video.
    QList<SubtitleTrack> tracks(const QString &videoPath) const;

    // What webVtt() would stamp on its answer, from the files' metadata alone. nullopt when
    // the source is gone.
    std::optional<SubtitleValidators> validators(const Track &video, const SubtitleTrack &track) const;

    // Calls `done` once: at once when cached (or the source is gone), otherwise on `context`'s
    // thread when FFmpeg is done; never if `context` is destroyed first.
    void webVtt(const Track &video, const SubtitleTrack &track, QObject *context,
                std::function<void(const WebVttText &)> done);

    // FFmpeg conversions so far (cache misses); tests watch them.
    quint64 conversionCount() const { return m_conversions->load(); }

    // The ffmpeg arguments that turn stream `streamIndex` of `inputPath` (-1: its first
    // subtitle stream, for a sidecar) into WebVTT on standard output; `characterSet` names the
    // encoding of a sidecar that is not UTF-8 (empty: UTF-8 or UTF-16 with a BOM).
    static QStringList arguments(const QString &inputPath, int streamIndex, const QString &characterSet = {});

private:
    const VideoSubtitleOptions m_options;
    FfmpegQueue &m_jobs;
    std::shared_ptr<artwork::ArtworkCache> m_cache;
    std::shared_ptr<std::atomic<quint64>> m_conversions;
    mutable QMutex m_tracksMutex;
    mutable QCache<QString, QList<SubtitleTrack>> m_tracks;
};

// `vtt` with an X-TIMESTAMP-MAP header (RFC 8216 3.5): its cue at 0 plays with the media
// sample whose MPEG-2 timestamp (90 kHz) is `mpegTs`.
QByteArray withTimestampMap(const QByteArray &vtt, qint64 mpegTs);

} // namespace cairn
