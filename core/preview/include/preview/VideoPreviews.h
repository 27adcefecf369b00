#pragma once
// Previews of catalog videos: key-frame thumbnails at any second, sprites of evenly spaced
// thumbnails, and a 30-second preview clip. Thumbnails and sprites are kept in a bounded disk
// cache of their own; clips in the transcode cache (sharing its budget), each made once per
// version of the source even when many requests ask at once. Thread-safe: HTTP workers share
// one instance.

#include "artwork/ArtworkCache.h"
#include "base/SingleFlight.h"
#include "catalog/Track.h"
#include "preview/SourceVersion.h"
#include "preview/ThumbnailGrabber.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <atomic>
#include <optional>

namespace cairn {

class TranscodeService;

struct VideoPreviewOptions
{
    QString thumbnailCacheDirectory;
    qint64 thumbnailCacheBytes = 64LL << 20;
    int thumbnailTimeoutMs = 20000;    // one grab
    int clipTimeoutMs = 10 * 60000;    // one clip's encoding
};

struct PreviewValidators
{
    QByteArray etag;          // strong, quoted; changes with the source file and the request
    QDateTime lastModified;   // the source file's, UTC, whole seconds
};

struct PreviewImage
{
    enum class Status { Ok, SourceGone, Failed };
    Status status = Status::Failed;
    QByteArray jpeg;
    PreviewValidators validators;
};

struct PreviewClipFile
{
    enum class Status {
        Ok,
        SourceGone,
        Busy,      // every FFmpeg slot is taken
        NotKept,   // the transcode cache is off or too small for the clip
        Failed,
    };
    Status status = Status::Failed;
    QString path;   // for Ok: the clip in the transcode cache
};

class VideoPreviews
{
public:
    static constexpr int kMinWidth = 64;
    static constexpr int kMaxWidth = 1920;
    static constexpr int kDefaultWidth = 320;
    static constexpr int kMaxCount = 100;
    static constexpr int kDefaultCount = 10;

    VideoPreviews(VideoPreviewOptions options, TranscodeService &transcoding);

    static int clampWidth(qint64 width);

    // What thumbnail()/sprite() would stamp on their answer, from the file's metadata alone
    // (a revalidation costs no FFmpeg). nullopt when the file is gone.
    std::optional<PreviewValidators> thumbnailValidators(const Track &video, qint64 timeMs, int width) const;
    std::optional<PreviewValidators> spriteValidators(const Track &video, int count, int width) const;

    // The key frame at or before `timeMs`, `width` pixels wide.
    PreviewImage thumbnail(const Track &video, qint64 timeMs, int width);
    // spriteLayout(count, width, …) tiles at spriteTimes(duration, count).
    PreviewImage sprite(const Track &video, int count, int width);
    // The preview clip, generated on the first request for this version of the file.
    PreviewClipFile previewClip(const Track &video);

    // FFmpeg runs so far (cache misses); tests and the bench watch them.
    quint64 thumbnailGrabCount() const { return m_thumbnailGrabs.load(); }
    quint64 clipGenerationCount() const { return m_clipGenerations.load(); }

private:
    PreviewImage grabThumbnail(const Track &video, const QByteArray &key, qint64 timeMs, int width);
    PreviewImage makeSprite(const Track &video, const QByteArray &key, int count, int width);
    PreviewClipFile generateClip(const Track &video, const QString &key);

    const VideoPreviewOptions m_options;
    TranscodeService &m_transcoding;
    ThumbnailGrabber m_grabber;
    artwork::ArtworkCache m_images;   // thumbnails and sprites
    SingleFlight<QByteArray, PreviewImage> m_imageFlights;
    SingleFlight<QString, PreviewClipFile> m_clipFlights;
    std::atomic<quint64> m_thumbnailGrabs{0};
    std::atomic<quint64> m_clipGenerations{0};
};

} // namespace cairn
