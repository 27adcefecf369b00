#pragma once
// Previews of catalog videos: key-frame thumbnails at any second, sprites of evenly spaced
// thumbnails, and a 30-second preview clip. Thumbnails and sprites are kept in a bounded disk
// cache of their own; clips in the transcode cache (sharing its budget), each made once per
// version of the source even when many requests ask at once. What needs FFmpeg goes through
// the FFmpeg queue and is answered later, on the asker's thread. Thread-safe: HTTP workers
// share one instance.

#include "artwork/ArtworkCache.h"
#include "catalog/Track.h"
#include "preview/SourceVersion.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QObject;

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
    enum class Status { Ok, SourceGone, Busy, Failed };
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

    // Each calls `done` once with the result: at once when it is cached (or cannot be made),
    // otherwise later, on `context`'s thread, when FFmpeg made it; never if `context` is
    // destroyed first (which also stops FFmpeg when nobody else waits for the same result).
    using ImageDone = std::function<void(const PreviewImage &)>;
    // The key frame at or before `timeMs`, `width` pixels wide.
    void thumbnail(const Track &video, qint64 timeMs, int width, QObject *context, ImageDone done);
    // spriteLayout(count, width, …) tiles at spriteTimes(duration, count).
    void sprite(const Track &video, int count, int width, QObject *context, ImageDone done);
    // The preview clip, generated on the first request for this version of the file.
    void previewClip(const Track &video, QObject *context, std::function<void(const PreviewClipFile &)> done);

    // FFmpeg jobs so far (cache misses); tests and the bench watch them.
    quint64 thumbnailGrabCount() const { return m_counts->thumbnailGrabs.load(); }
    quint64 clipGenerationCount() const { return m_counts->clipGenerations.load(); }

private:
    // Shared with the jobs, which may end after this object is gone (at shutdown).
    struct Counts
    {
        std::atomic<quint64> thumbnailGrabs{0};
        std::atomic<quint64> clipGenerations{0};
    };

    const VideoPreviewOptions m_options;
    TranscodeService &m_transcoding;
    std::shared_ptr<artwork::ArtworkCache> m_images;   // thumbnails and sprites
    std::shared_ptr<Counts> m_counts;
};

} // namespace cairn
