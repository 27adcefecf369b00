#include "preview/VideoPreviews.h"

#include "preview/ThumbnailSprite.h"
#include "preview/ThumbnailGrabber.h"
#include "transcode/TranscodeService.h"

#include "PreviewClip.h"
#include "PreviewLog.h"
#include "base/OwnerOnly.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QObject>
#include <QUuid>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

const QByteArray kJpeg = "image/jpeg"_ba;

// Bump the versions when an encoding changes, so old cache entries are not reused.
QByteArray sourcePart(const Track &video, const SourceVersion &stamp)
{
    return QByteArray::number(video.id) + '\n' + video.path.toUtf8() + '\n' + QByteArray::number(stamp.size) + '\n'
           + QByteArray::number(stamp.mtime.toMSecsSinceEpoch());
}

QByteArray thumbnailKey(const Track &video, const SourceVersion &stamp, qint64 timeMs, int width)
{
    return "cairn-thumb-v1\n"_ba + sourcePart(video, stamp) + '\n' + QByteArray::number(timeMs) + '\n'
           + QByteArray::number(width);
}

QByteArray spriteKey(const Track &video, const SourceVersion &stamp, const SpriteLayout &layout)
{
    return "cairn-sprite-v1\n"_ba + sourcePart(video, stamp) + '\n' + QByteArray::number(video.durationMs) + '\n'
           + QByteArray::number(layout.count) + '\n' + QByteArray::number(layout.tileWidth) + 'x'
           + QByteArray::number(layout.tileHeight);
}

PreviewValidators validatorsFor(const QByteArray &key, const SourceVersion &stamp)
{
    return {entityTagFor(key), stamp.lastModified()};
}

PreviewImage imageOf(const FfmpegOutcome &outcome, const PreviewValidators &validators)
{
    switch (outcome.status) {
    case FfmpegOutcome::Status::Ok: return {PreviewImage::Status::Ok, outcome.data, validators};
    case FfmpegOutcome::Status::Busy: return {PreviewImage::Status::Busy, {}, validators};
    case FfmpegOutcome::Status::Failed: break;
    }
    return {PreviewImage::Status::Failed, {}, validators};
}

QString jobKey(const char *kind, const QByteArray &key)
{
    return QString::fromLatin1(kind) + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex());
}

SpriteLayout layoutFor(const Track &video, int count, int width)
{
    return spriteLayout(count, width, video.width, video.height);
}

} // namespace

VideoPreviews::VideoPreviews(VideoPreviewOptions options, TranscodeService &transcoding)
    : m_options(std::move(options))
    , m_transcoding(transcoding)
    , m_images(std::make_shared<artwork::ArtworkCache>(m_options.thumbnailCacheDirectory, m_options.thumbnailCacheBytes))
    , m_counts(std::make_shared<Counts>())
{
}

int VideoPreviews::clampWidth(qint64 width)
{
    return int(std::clamp<qint64>(width, kMinWidth, kMaxWidth));
}

std::optional<PreviewValidators> VideoPreviews::thumbnailValidators(const Track &video, qint64 timeMs, int width) const
{
    const auto stamp = SourceVersion::of(video.path);
    if (!stamp)
        return std::nullopt;
    return validatorsFor(thumbnailKey(video, *stamp, timeMs, width), *stamp);
}

std::optional<PreviewValidators> VideoPreviews::spriteValidators(const Track &video, int count, int width) const
{
    const auto stamp = SourceVersion::of(video.path);
    if (!stamp)
        return std::nullopt;
    return validatorsFor(spriteKey(video, *stamp, layoutFor(video, count, width)), *stamp);
}

void VideoPreviews::thumbnail(const Track &video, qint64 timeMs, int width, QObject *context, ImageDone done)
{
    const auto stamp = SourceVersion::of(video.path);
    if (!stamp)
        return done({PreviewImage::Status::SourceGone, {}, {}});
    const QByteArray key = thumbnailKey(video, *stamp, timeMs, width);
    const PreviewValidators validators = validatorsFor(key, *stamp);
    if (auto cached = m_images->find(key))
        return done({PreviewImage::Status::Ok, cached->data, validators});

    FfmpegJob job = ThumbnailGrabber::job(video.path, timeMs, width, m_options.thumbnailTimeoutMs);
    job.key = jobKey("thumbnail-", key);
    job.finish = [images = m_images, counts = m_counts, key, path = video.path,
                  timeMs](const QList<FfmpegRunResult> &results) {
        ++counts->thumbnailGrabs;
        const QByteArray jpeg = ThumbnailGrabber::pictures(results, 1).value(0);
        if (jpeg.isEmpty()) {
            qCWarning(lcPreview).noquote() << "no thumbnail of" << path << "at" << timeMs << "ms:"
                                           << (results.isEmpty() ? QString() : results.last().error);
            return FfmpegOutcome::failed(u"no picture"_s);
        }
        images->store(key, {jpeg, kJpeg});
        return FfmpegOutcome::ok(jpeg);
    };
    m_transcoding.jobs().run(std::move(job), context, [done = std::move(done), validators](const FfmpegOutcome &o) {
        done(imageOf(o, validators));
    });
}

void VideoPreviews::sprite(const Track &video, int count, int width, QObject *context, ImageDone done)
{
    const auto stamp = SourceVersion::of(video.path);
    if (!stamp)
        return done({PreviewImage::Status::SourceGone, {}, {}});
    const SpriteLayout layout = layoutFor(video, count, width);
    const QByteArray key = spriteKey(video, *stamp, layout);
    const PreviewValidators validators = validatorsFor(key, *stamp);
    if (auto cached = m_images->find(key))
        return done({PreviewImage::Status::Ok, cached->data, validators});

    // Tiles are ordinary thumbnails: those already cached are reused, the others are kept.
    const QList<qint64> times = spriteTimes(video.durationMs, layout.count);
    QList<QByteArray> tiles(times.size());
    QList<qint64> missingTimes;
    QList<qsizetype> missingIndexes;
    QList<QByteArray> missingKeys;
    for (qsizetype i = 0; i < times.size(); ++i) {
        const QByteArray tileKey = thumbnailKey(video, *stamp, times.at(i), layout.tileWidth);
        if (auto cached = m_images->find(tileKey)) {
            tiles[i] = cached->data;
        } else {
            missingTimes.append(times.at(i));
            missingIndexes.append(i);
            missingKeys.append(tileKey);
        }
    }
    FfmpegJob job = ThumbnailGrabber::batch(video.path, missingTimes, layout.tileWidth, m_options.thumbnailTimeoutMs);
    job.key = jobKey("sprite-", key);
    job.finish = [images = m_images, counts = m_counts, key, layout, tiles, missingIndexes,
                  missingKeys](const QList<FfmpegRunResult> &results) mutable {
        const QList<QByteArray> grabbed = ThumbnailGrabber::pictures(results, missingKeys.size());
        counts->thumbnailGrabs += quint64(grabbed.size());
        for (qsizetype j = 0; j < grabbed.size(); ++j) {
            tiles[missingIndexes.at(j)] = grabbed.at(j);
            if (!grabbed.at(j).isEmpty())
                images->store(missingKeys.at(j), {grabbed.at(j), kJpeg});
        }
        const QByteArray jpeg = composeSprite(layout, tiles);
        if (jpeg.isEmpty())
            return FfmpegOutcome::failed(u"no tile"_s);
        images->store(key, {jpeg, kJpeg});
        return FfmpegOutcome::ok(jpeg);
    };
    m_transcoding.jobs().run(std::move(job), context, [done = std::move(done), validators](const FfmpegOutcome &o) {
        done(imageOf(o, validators));
    });
}

void VideoPreviews::previewClip(const Track &video, QObject *context,
                                std::function<void(const PreviewClipFile &)> done)
{
    const auto stamp = SourceVersion::of(video.path);
    if (!stamp)
        return done({PreviewClipFile::Status::SourceGone, {}});
    TranscodeCache &cache = m_transcoding.cache();
    const QString key = previewClipCacheKey(video.id, *stamp);
    if (const auto path = cache.lookup(key))
        return done({PreviewClipFile::Status::Ok, *path});
    if (cache.maxBytes() <= 0)
        return done({PreviewClipFile::Status::NotKept, {}});

    // Written next to the cache's entries under its unfinished-file suffix, so a crash leaves
    // nothing the cache would serve (it sweeps such files at start) and adopting is a rename.
    makeOwnerOnlyDir(cache.directory());
    const QString part = QDir(cache.directory())
                             .filePath(key + u'-' + QUuid::createUuid().toString(QUuid::Id128) + u".mp4.part"_s);
    FfmpegJob job = FfmpegJob::single(u"clip-"_s + key, FfmpegPriority::Background,
                                      previewClipArguments(video.path, planPreviewClip(video.durationMs), part),
                                      m_options.clipTimeoutMs);
    // The cache belongs to the transcode service, which owns the queue: it outlives every job.
    job.finish = [&cache, counts = m_counts, key, part, path = video.path](const QList<FfmpegRunResult> &results) {
        ++counts->clipGenerations;
        if (results.isEmpty() || !results.last().ok) {
            qCWarning(lcPreview).noquote() << "no preview clip of" << path << ":"
                                           << (results.isEmpty() ? QString() : results.last().error);
            return FfmpegOutcome::failed(u"no clip"_s);
        }
        const auto adopted = cache.adopt(key, part, u"mp4"_s);
        if (!adopted) {
            qCWarning(lcPreview) << "the preview clip of" << path << "does not fit in the transcode cache";
            return FfmpegOutcome::ok();   // made, but without a path: not kept
        }
        qCDebug(lcPreview) << "preview clip of" << path << "made:" << *adopted;
        return FfmpegOutcome::ok({}, *adopted);
    };
    job.cleanup = [part] { QFile::remove(part); };
    m_transcoding.jobs().run(std::move(job), context, [done = std::move(done)](const FfmpegOutcome &o) {
        switch (o.status) {
        case FfmpegOutcome::Status::Ok:
            return done({o.path.isEmpty() ? PreviewClipFile::Status::NotKept : PreviewClipFile::Status::Ok, o.path});
        case FfmpegOutcome::Status::Busy: return done({PreviewClipFile::Status::Busy, {}});
        case FfmpegOutcome::Status::Failed: break;
        }
        done({PreviewClipFile::Status::Failed, {}});
    });
}

} // namespace cairn
