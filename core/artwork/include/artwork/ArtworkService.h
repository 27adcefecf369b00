#pragma once
// Delivers artwork for a recorded ArtSource: the original picture, or a resized copy from the
// on-disk cache (made once, even when many requests ask for it at the same time). Thread-safe;
// HTTP workers and the GUI's cover loader share one instance.

#include "artwork/ArtworkCache.h"
#include "base/SingleFlight.h"
#include "catalog/ArtSource.h"
#include "ffmpeg/FfmpegJob.h"

#include <QByteArray>
#include <QObject>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cairn {
class FfmpegQueue;
struct FfmpegOutcome;
}

namespace cairn::artwork {

struct ArtworkValidators
{
    QByteArray etag;         // strong, with quotes; changes when the source file or size changes
    QDateTime lastModified;  // the source file's, UTC, whole seconds
};

struct Artwork
{
    enum class Status { Ok, NoArtwork, BadImage };
    Status status = Status::NoArtwork;
    QByteArray data;
    QByteArray mimeType;
    ArtworkValidators validators;
    QString error;           // for NoArtwork/BadImage: why
};

struct ArtworkServiceOptions
{
    QString cacheDirectory;
    qint64 cacheBytes = 256LL << 20;
    qint64 maxSourceBytes = 32LL << 20;   // larger embedded pictures / image files are refused
    FfmpegQueue *ffmpeg = nullptr;        // takes videos' poster frames; null = videos have none
};

class ArtworkService
{
public:
    static constexpr int kMinSize = 16;
    static constexpr int kMaxSize = 2048;

    explicit ArtworkService(ArtworkServiceOptions options);
    ~ArtworkService();

    // Into [kMinSize, kMaxSize].
    static int clampSize(qint64 requested);

    // What fetch() would stamp on the answer, from the source file's metadata alone (cheap:
    // lets a revalidation be answered 304 without touching the image). nullopt when the source
    // file is gone. `size` 0 = the original.
    std::optional<ArtworkValidators> validators(const ArtSource &source, int size) const;
    // The artwork at `size` (0 = the original bytes), resized from the cache when possible.
    // A video's poster frame not taken yet is taken now (the caller waits: not on an HTTP
    // worker or the GUI thread), or with FrameGrab::Never is reported as no artwork.
    enum class FrameGrab { Wait, Never };
    Artwork fetch(const ArtSource &source, int size, FrameGrab grab = FrameGrab::Wait);

    // True when fetch() would have to take a video's poster frame first.
    bool needsVideoFrame(const ArtSource &source, int size);
    // Takes the poster frame through the FFmpeg queue and keeps it (or its failure), then
    // calls `ready` on `context`'s thread: Busy when the queue refused, otherwise fetch() has
    // what it needs. Not called if `context` is destroyed first.
    void prepareVideoFrame(const ArtSource &source, QObject *context, std::function<void(bool busy)> ready);

    // Images decoded and scaled so far (cache misses); tests and the bench watch it.
    quint64 resizeCount() const { return m_resizes.load(); }
    quint64 frameGrabCount() const { return m_frameGrabs->load(); }
    ArtworkCache &cache() { return m_cache; }

private:
    struct Identity;
    std::optional<Identity> identify(const ArtSource &source) const;
    Artwork produce(const ArtSource &source, const Identity &identity, int size, FrameGrab grab);
    Artwork loadOriginal(const ArtSource &source, const Identity &identity, FrameGrab grab);
    FfmpegJob frameJob(const ArtSource &source) const;
    void keepVideoFrame(const QByteArray &frameKey, const FfmpegOutcome &outcome);
    void rememberFailure(const QByteArray &key, const QByteArray &sourceKey, const Artwork &failure);
    std::optional<Artwork> knownFailure(const QByteArray &key);

    const ArtworkServiceOptions m_options;
    ArtworkCache m_cache;
    SingleFlight<QByteArray, Artwork> m_flights;   // each key produced once at a time
    QMutex m_failuresMutex;
    QHash<QByteArray, Artwork> m_failures;   // by key: not retried until the source changes
    QSet<QByteArray> m_logged;               // by source identity: each bad source logged once
    std::atomic<quint64> m_resizes{0};
    // Shared with the FFmpeg jobs, which may end after this object is gone (at shutdown).
    std::shared_ptr<std::atomic<quint64>> m_frameGrabs = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace cairn::artwork
