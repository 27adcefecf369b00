#include "preview/VideoPreviews.h"

#include "preview/ThumbnailSprite.h"
#include "transcode/TranscodeService.h"

#include "FfmpegRun.h"
#include "PreviewClip.h"
#include "PreviewLog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
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
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex();
    return {'"' + hash.left(32) + '"', QDateTime::fromSecsSinceEpoch(stamp.mtime.toSecsSinceEpoch(), Qt::UTC)};
}

SpriteLayout layoutFor(const Track &video, int count, int width)
{
    return spriteLayout(count, width, video.width, video.height);
}

} // namespace

VideoPreviews::VideoPreviews(VideoPreviewOptions options, TranscodeService &transcoding)
    : m_options(std::move(options))
    , m_transcoding(transcoding)
    , m_grabber(m_transcoding.settings().ffmpegProgram, m_options.thumbnailTimeoutMs)
    , m_images(m_options.thumbnailCacheDirectory, m_options.thumbnailCacheBytes)
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

PreviewImage VideoPreviews::thumbnail(const Track &video, qint64 timeMs, int width)
{
    const auto stamp = SourceVersion::of(video.path);
    if (!stamp)
        return {PreviewImage::Status::SourceGone, {}, {}};
    const QByteArray key = thumbnailKey(video, *stamp, timeMs, width);
    const PreviewValidators validators = validatorsFor(key, *stamp);
    if (auto cached = m_images.find(key))
        return {PreviewImage::Status::Ok, cached->data, validators};
    PreviewImage image = m_imageFlights.run(key, [&] { return grabThumbnail(video, key, timeMs, width); });
    image.validators = validators;
    return image;
}

PreviewImage VideoPreviews::grabThumbnail(const Track &video, const QByteArray &key, qint64 timeMs, int width)
{
    // A flight that ended just before ours began has filled the cache.
    if (auto cached = m_images.find(key))
        return {PreviewImage::Status::Ok, cached->data, {}};
    ++m_thumbnailGrabs;
    const QByteArray jpeg = m_grabber.grab(video.path, timeMs, width);
    if (jpeg.isEmpty())
        return {PreviewImage::Status::Failed, {}, {}};
    m_images.store(key, {jpeg, kJpeg});
    return {PreviewImage::Status::Ok, jpeg, {}};
}

PreviewImage VideoPreviews::sprite(const Track &video, int count, int width)
{
    const auto stamp = SourceVersion::of(video.path);
    if (!stamp)
        return {PreviewImage::Status::SourceGone, {}, {}};
    const QByteArray key = spriteKey(video, *stamp, layoutFor(video, count, width));
    const PreviewValidators validators = validatorsFor(key, *stamp);
    if (auto cached = m_images.find(key))
        return {PreviewImage::Status::Ok, cached->data, validators};
    PreviewImage image = m_imageFlights.run(key, [&] { return makeSprite(video, key, count, width); });
    image.validators = validators;
    return image;
}

PreviewImage VideoPreviews::makeSprite(const Track &video, const QByteArray &key, int count, int width)
{
    if (auto cached = m_images.find(key))
        return {PreviewImage::Status::Ok, cached->data, {}};
    const auto stamp = SourceVersion::of(video.path);
    if (!stamp)
        return {PreviewImage::Status::SourceGone, {}, {}};
    const SpriteLayout layout = layoutFor(video, count, width);
    const QList<qint64> times = spriteTimes(video.durationMs, layout.count);

    // Tiles are ordinary thumbnails: those already cached are reused, the others are kept.
    QList<QByteArray> tiles(times.size());
    QList<qint64> missingTimes;
    QList<qsizetype> missingIndexes;
    for (qsizetype i = 0; i < times.size(); ++i) {
        if (auto cached = m_images.find(thumbnailKey(video, *stamp, times.at(i), layout.tileWidth))) {
            tiles[i] = cached->data;
        } else {
            missingTimes.append(times.at(i));
            missingIndexes.append(i);
        }
    }
    m_thumbnailGrabs += missingTimes.size();
    const QList<QByteArray> grabbed = m_grabber.grabMany(video.path, missingTimes, layout.tileWidth);
    for (qsizetype j = 0; j < grabbed.size(); ++j) {
        tiles[missingIndexes.at(j)] = grabbed.at(j);
        if (!grabbed.at(j).isEmpty())
            m_images.store(thumbnailKey(video, *stamp, missingTimes.at(j), layout.tileWidth), {grabbed.at(j), kJpeg});
    }

    const QByteArray jpeg = composeSprite(layout, tiles);
    if (jpeg.isEmpty())
        return {PreviewImage::Status::Failed, {}, {}};
    m_images.store(key, {jpeg, kJpeg});
    return {PreviewImage::Status::Ok, jpeg, {}};
}

PreviewClipFile VideoPreviews::previewClip(const Track &video)
{
    const auto stamp = SourceVersion::of(video.path);
    if (!stamp)
        return {PreviewClipFile::Status::SourceGone, {}};
    TranscodeCache &cache = m_transcoding.cache();
    const QString key = previewClipCacheKey(video.id, *stamp);
    if (const auto path = cache.lookup(key))
        return {PreviewClipFile::Status::Ok, *path};
    if (cache.maxBytes() <= 0)
        return {PreviewClipFile::Status::NotKept, {}};
    return m_clipFlights.run(key, [&] { return generateClip(video, key); });
}

PreviewClipFile VideoPreviews::generateClip(const Track &video, const QString &key)
{
    TranscodeCache &cache = m_transcoding.cache();
    if (const auto path = cache.lookup(key))
        return {PreviewClipFile::Status::Ok, *path};
    const auto slot = m_transcoding.limiter().tryAcquire();
    if (!slot)
        return {PreviewClipFile::Status::Busy, {}};
    ++m_clipGenerations;
    // Written next to the cache's entries under its unfinished-file suffix, so a crash leaves
    // nothing the cache would serve (it sweeps such files at start) and adopting is a rename.
    QDir().mkpath(cache.directory());
    const QString part = QDir(cache.directory())
                             .filePath(key + u'-' + QUuid::createUuid().toString(QUuid::Id128) + u".mp4.part"_s);
    FfmpegRun run(m_transcoding.settings().ffmpegProgram,
                  previewClipArguments(video.path, planPreviewClip(video.durationMs), part));
    if (!run.start() || !run.finish(QDeadlineTimer(m_options.clipTimeoutMs))) {
        QFile::remove(part);
        qCWarning(lcPreview).noquote() << "no preview clip of" << video.path << ":" << run.errorText();
        return {PreviewClipFile::Status::Failed, {}};
    }
    const auto adopted = cache.adopt(key, part, u"mp4"_s);
    if (!adopted) {
        QFile::remove(part);
        qCWarning(lcPreview) << "the preview clip of" << video.path << "does not fit in the transcode cache";
        return {PreviewClipFile::Status::NotKept, {}};
    }
    qCDebug(lcPreview) << "preview clip of" << video.path << "made:" << *adopted;
    return {PreviewClipFile::Status::Ok, *adopted};
}

} // namespace cairn
