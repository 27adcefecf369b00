#include "artwork/ArtworkService.h"

#include "artwork/EmbeddedPicture.h"

#include "ffmpeg/FfmpegQueue.h"

#include "ArtworkLog.h"
#include "ImageResizer.h"
#include "VideoFrame.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn::artwork {

// The source file as it is now: any change to it changes every key derived from it.
struct ArtworkService::Identity
{
    qint64 size = 0;
    QDateTime mtime;

    QByteArray keyFor(const ArtSource &source, int pixels) const
    {
        // Bump the version when the encoding changes, so old cache entries are not reused.
        return "cairn-art-v1\n"_ba + QByteArray::number(int(source.kind)) + '\n'
               + source.path.toUtf8() + '\n' + QByteArray::number(size) + '\n'
               + QByteArray::number(mtime.toMSecsSinceEpoch()) + '\n' + QByteArray::number(pixels);
    }
    ArtworkValidators validatorsFor(const QByteArray &key) const
    {
        const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex();
        return {'"' + hash.left(32) + '"',
                QDateTime::fromSecsSinceEpoch(mtime.toSecsSinceEpoch(), Qt::UTC)};
    }
};

namespace {

constexpr int kFrameKeySize = -1;   // the cache key of a video's full-size poster frame

Artwork failure(Artwork::Status status, const QString &error)
{
    Artwork a;
    a.status = status;
    a.error = error;
    return a;
}

} // namespace

ArtworkService::ArtworkService(ArtworkServiceOptions options)
    : m_options(std::move(options)), m_cache(m_options.cacheDirectory, m_options.cacheBytes)
{
    ImageResizer::installLimits();
}

ArtworkService::~ArtworkService() = default;

int ArtworkService::clampSize(qint64 requested)
{
    return int(std::clamp<qint64>(requested, kMinSize, kMaxSize));
}

std::optional<ArtworkService::Identity> ArtworkService::identify(const ArtSource &source) const
{
    if (source.isNone())
        return std::nullopt;
    const QFileInfo info(source.path);
    if (!info.isFile())
        return std::nullopt;
    return Identity{info.size(), info.lastModified().toUTC()};
}

std::optional<ArtworkValidators> ArtworkService::validators(const ArtSource &source, int size) const
{
    const auto identity = identify(source);
    if (!identity)
        return std::nullopt;
    return identity->validatorsFor(identity->keyFor(source, size));
}

Artwork ArtworkService::fetch(const ArtSource &source, int size, FrameGrab grab)
{
    const auto identity = identify(source);
    if (!identity)
        return failure(Artwork::Status::NoArtwork, u"no artwork"_s);
    const QByteArray key = identity->keyFor(source, size);
    const ArtworkValidators validators = identity->validatorsFor(key);
    if (size > 0) {
        if (auto cached = m_cache.find(key))
            return {Artwork::Status::Ok, cached->data, cached->mimeType, validators, {}};
    }
    if (auto failed = knownFailure(key))
        return *failed;

    return m_flights.run(key, [&] {
        // A flight that ended just before ours began has filled the cache.
        Artwork result;
        if (auto cached = size > 0 ? m_cache.find(key) : std::nullopt)
            result = {Artwork::Status::Ok, cached->data, cached->mimeType, validators, {}};
        else
            result = produce(source, *identity, size, grab);
        result.validators = validators;
        if (result.status != Artwork::Status::Ok)
            rememberFailure(key, identity->keyFor(source, 0), result);
        return result;
    });
}

Artwork ArtworkService::produce(const ArtSource &source, const Identity &identity, int size, FrameGrab grab)
{
    Artwork original = loadOriginal(source, identity, grab);
    if (original.status != Artwork::Status::Ok)
        return original;
    if (size <= 0) {
        const ImageCheck check = ImageResizer::inspect(original.data);
        if (!check.image)
            return failure(Artwork::Status::BadImage, check.error);
        return {Artwork::Status::Ok, original.data, check.image->mimeType, {}, {}};
    }
    ++m_resizes;
    const ResizeResult resized = ImageResizer::resize(original.data, size);
    if (!resized.image)
        return failure(Artwork::Status::BadImage, resized.error);
    m_cache.store(identity.keyFor(source, size), {resized.image->data, resized.image->mimeType});
    return {Artwork::Status::Ok, resized.image->data, resized.image->mimeType, {}, {}};
}

Artwork ArtworkService::loadOriginal(const ArtSource &source, const Identity &identity, FrameGrab grab)
{
    Artwork a;
    a.status = Artwork::Status::Ok;
    switch (source.kind) {
    case ArtSource::Kind::None:
        return failure(Artwork::Status::NoArtwork, u"no artwork"_s);
    case ArtSource::Kind::ImageFile: {
        if (identity.size > m_options.maxSourceBytes)
            return failure(Artwork::Status::BadImage, u"the image file is too large"_s);
        QFile file(source.path);
        if (!file.open(QIODevice::ReadOnly))
            return failure(Artwork::Status::NoArtwork, u"the image file cannot be read"_s);
        a.data = file.read(m_options.maxSourceBytes);
        return a;
    }
    case ArtSource::Kind::EmbeddedPicture: {
        const PictureRead read = readPicture(source.path, m_options.maxSourceBytes);
        if (read.tooLarge)
            return failure(Artwork::Status::BadImage, u"the embedded picture is too large"_s);
        if (!read.picture)
            return failure(Artwork::Status::NoArtwork, u"the file no longer embeds a picture"_s);
        a.data = read.picture->data;
        return a;
    }
    case ArtSource::Kind::VideoFrame: {
        const QByteArray key = identity.keyFor(source, kFrameKeySize);
        if (auto cached = m_cache.find(key)) {
            a.data = cached->data;
            return a;
        }
        if (auto failed = knownFailure(key))
            return *failed;
        if (grab == FrameGrab::Never || !m_options.ffmpeg)
            return failure(Artwork::Status::NoArtwork, u"no frame has been taken from the video"_s);
        keepVideoFrame(key, m_options.ffmpeg->runAndWait(frameJob(source)));
        if (auto cached = m_cache.find(key)) {
            a.data = cached->data;
            return a;
        }
        return failure(Artwork::Status::NoArtwork, u"no frame could be taken from the video"_s);
    }
    }
    return failure(Artwork::Status::NoArtwork, u"no artwork"_s);
}

FfmpegJob ArtworkService::frameJob(const ArtSource &source) const
{
    FfmpegJob job = videoFrameJob(source.path, source.durationMs);
    const auto identity = identify(source);
    job.key = u"poster-"_s + QString::fromLatin1(QCryptographicHash::hash(identity ? identity->keyFor(source, kFrameKeySize)
                                                                                   : source.path.toUtf8(),
                                                                          QCryptographicHash::Sha1)
                                                     .toHex());
    const auto finish = job.finish;
    job.finish = [finish, grabs = m_frameGrabs](const QList<FfmpegRunResult> &results) {
        ++*grabs;
        return finish(results);
    };
    return job;
}

void ArtworkService::keepVideoFrame(const QByteArray &frameKey, const FfmpegOutcome &outcome)
{
    if (outcome.isOk()) {
        m_cache.store(frameKey, {outcome.data, "image/jpeg"_ba});
        return;
    }
    if (outcome.status == FfmpegOutcome::Status::Busy)
        return;   // not the video's fault: tried again next time
    qCInfo(lcArtwork).noquote() << "no frame from" << frameKey.split('\n').value(2) << ":" << outcome.error;
    QMutexLocker lock(&m_failuresMutex);
    m_failures.insert(frameKey, failure(Artwork::Status::NoArtwork, u"no frame could be taken from the video"_s));
}

bool ArtworkService::needsVideoFrame(const ArtSource &source, int size)
{
    if (source.kind != ArtSource::Kind::VideoFrame || !m_options.ffmpeg)
        return false;
    const auto identity = identify(source);
    if (!identity)
        return false;
    const QByteArray frameKey = identity->keyFor(source, kFrameKeySize);
    if ((size > 0 && m_cache.contains(identity->keyFor(source, size))) || m_cache.contains(frameKey))
        return false;
    return !knownFailure(frameKey) && !knownFailure(identity->keyFor(source, size));
}

void ArtworkService::prepareVideoFrame(const ArtSource &source, QObject *context, std::function<void(bool)> ready)
{
    const auto identity = identify(source);
    if (!identity || !m_options.ffmpeg)
        return ready(false);
    m_options.ffmpeg->run(frameJob(source), context,
                          [this, frameKey = identity->keyFor(source, kFrameKeySize),
                           ready = std::move(ready)](const FfmpegOutcome &outcome) {
                              keepVideoFrame(frameKey, outcome);
                              ready(outcome.status == FfmpegOutcome::Status::Busy);
                          });
}

std::optional<Artwork> ArtworkService::knownFailure(const QByteArray &key)
{
    QMutexLocker lock(&m_failuresMutex);
    const auto it = m_failures.constFind(key);
    return it == m_failures.cend() ? std::nullopt : std::optional<Artwork>(*it);
}

void ArtworkService::rememberFailure(const QByteArray &key, const QByteArray &sourceKey,
                                     const Artwork &failed)
{
    QMutexLocker lock(&m_failuresMutex);
    if (m_failures.size() > 10000) {
        m_failures.clear();   // bounded; at worst a failure is retried and logged again
        m_logged.clear();
    }
    m_failures.insert(key, failed);
    if (m_logged.contains(sourceKey))
        return;
    m_logged.insert(sourceKey);
    const QStringList lines = QString::fromUtf8(key).split(u'\n');
    const QString path = lines.value(2);
    if (failed.status == Artwork::Status::BadImage)
        qCWarning(lcArtwork) << "unusable artwork in" << path << ":" << failed.error;
    else
        qCInfo(lcArtwork) << "no artwork from" << path << ":" << failed.error;
}

} // namespace cairn::artwork
