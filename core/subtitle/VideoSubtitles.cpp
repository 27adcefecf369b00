#include "subtitle/VideoSubtitles.h"

#include "artwork/ArtworkCache.h"
#include "ffmpeg/FfmpegQueue.h"
#include "preview/SourceVersion.h"

#include "SubtitleLog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

const QByteArray kVtt = "text/vtt"_ba;
constexpr qint64 kMaxVttBytes = 16LL << 20;
// Enough of a sidecar to tell UTF-8 from a legacy encoding.
constexpr qint64 kCharsetSampleBytes = 4LL << 20;
constexpr int kTrackListsKept = 2048;

// The file whose version the WebVTT follows: the sidecar, or the video holding the stream.
QString sourceOf(const Track &video, const SubtitleTrack &track)
{
    return track.isSidecar() ? track.sidecarPath : video.path;
}

// Bump the version when the conversion changes, so old cache entries are not reused.
QByteArray cacheKey(const Track &video, const SubtitleTrack &track, const SourceVersion &stamp)
{
    return "cairn-vtt-v1\n"_ba + QByteArray::number(video.id) + '\n' + sourceOf(video, track).toUtf8() + '\n'
           + track.id.toUtf8() + '\n' + QByteArray::number(stamp.size) + '\n'
           + QByteArray::number(stamp.mtime.toMSecsSinceEpoch());
}

QByteArray sha1Hex(const QByteArray &key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex();
}

SubtitleValidators validatorsFor(const QByteArray &key, const SourceVersion &stamp)
{
    return {entityTagFor(key), stamp.lastModified()};
}

// Sidecars come from anywhere: many SRT files are still Windows-1252. UTF-8 (or a BOM, which
// FFmpeg reads itself) needs nothing; anything else is read as Windows-1252, which maps every
// byte to a character, so the text is never refused.
QString sidecarCharacterSet(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray sample = file.read(kCharsetSampleBytes);
    if (sample.startsWith("\xEF\xBB\xBF") || sample.startsWith("\xFF\xFE") || sample.startsWith("\xFE\xFF"))
        return {};
    QStringDecoder utf8(QStringDecoder::Utf8);
    [[maybe_unused]] const QString decoded = utf8(sample);   // decoding happens here
    return utf8.hasError() ? u"CP1252"_s : QString();
}

bool isWebVtt(const QByteArray &text)
{
    const QByteArrayView body = text.startsWith("\xEF\xBB\xBF") ? QByteArrayView(text).sliced(3) : QByteArrayView(text);
    return body.startsWith("WEBVTT") && (body.size() == 6 || body.at(6) == '\n' || body.at(6) == '\r'
                                         || body.at(6) == ' ' || body.at(6) == '\t');
}

WebVttText textOf(const FfmpegOutcome &outcome, const SubtitleValidators &validators)
{
    WebVttText text;
    text.validators = validators;
    switch (outcome.status) {
    case FfmpegOutcome::Status::Ok:
        text.status = WebVttText::Status::Ok;
        text.vtt = outcome.data;
        break;
    case FfmpegOutcome::Status::Busy:
        text.status = WebVttText::Status::Busy;
        text.retryAfterSeconds = outcome.retryAfterSeconds;
        break;
    case FfmpegOutcome::Status::Failed:
        text.status = WebVttText::Status::Failed;
        text.error = outcome.error;
        break;
    }
    return text;
}

} // namespace

VideoSubtitles::VideoSubtitles(VideoSubtitleOptions options, FfmpegQueue &jobs)
    : m_options(std::move(options))
    , m_jobs(jobs)
    , m_cache(std::make_shared<artwork::ArtworkCache>(m_options.cacheDirectory, m_options.cacheBytes))
    , m_conversions(std::make_shared<std::atomic<quint64>>(0))
    , m_tracks(kTrackListsKept)
{
}

QList<SubtitleTrack> VideoSubtitles::tracks(const QString &videoPath) const
{
    const QFileInfo video(videoPath);
    const QFileInfo directory(video.absolutePath());
    const QString key = videoPath + u'\n' + QString::number(video.size()) + u'\n'
                        + QString::number(video.lastModified().toMSecsSinceEpoch()) + u'\n'
                        + QString::number(directory.lastModified().toMSecsSinceEpoch());
    {
        QMutexLocker lock(&m_tracksMutex);
        if (const QList<SubtitleTrack> *known = m_tracks.object(key))
            return *known;
    }
    QList<SubtitleTrack> found = subtitleTracksOf(videoPath);   // outside the lock: it opens the file
    QMutexLocker lock(&m_tracksMutex);
    m_tracks.insert(key, new QList<SubtitleTrack>(found));
    return found;
}

VideoSubtitles::~VideoSubtitles() = default;

QStringList VideoSubtitles::arguments(const QString &inputPath, int streamIndex, const QString &characterSet)
{
    QStringList args{u"-hide_banner"_s, u"-nostdin"_s, u"-loglevel"_s, u"error"_s};
    if (!characterSet.isEmpty())
        args << u"-sub_charenc"_s << characterSet;
    args << u"-i"_s << u"file:"_s + inputPath << u"-map"_s
         << (streamIndex >= 0 ? u"0:"_s + QString::number(streamIndex) : u"0:s:0"_s)
         << u"-c:s"_s << u"webvtt"_s << u"-f"_s << u"webvtt"_s << u"pipe:1"_s;
    return args;
}

std::optional<SubtitleValidators> VideoSubtitles::validators(const Track &video, const SubtitleTrack &track) const
{
    const auto stamp = SourceVersion::of(sourceOf(video, track));
    if (!stamp)
        return std::nullopt;
    return validatorsFor(cacheKey(video, track, *stamp), *stamp);
}

void VideoSubtitles::webVtt(const Track &video, const SubtitleTrack &track, QObject *context,
                            std::function<void(const WebVttText &)> done)
{
    const QString source = sourceOf(video, track);
    const auto stamp = SourceVersion::of(source);
    if (!stamp)
        return done({WebVttText::Status::SourceGone, {}, {}, {}, 0});
    const QByteArray key = cacheKey(video, track, *stamp);
    const SubtitleValidators validators = validatorsFor(key, *stamp);
    if (auto cached = m_cache->find(key))
        return done({WebVttText::Status::Ok, cached->data, validators, {}, 0});

    FfmpegJob job;
    job.key = u"subtitle-"_s + QString::fromLatin1(sha1Hex(key));
    job.priority = FfmpegPriority::Playback;   // a player waits for it before it plays
    job.runTimeoutMs = m_options.conversionTimeoutMs;
    job.maxOutputBytes = kMaxVttBytes;
    // On the queue's thread: the sidecar's bytes are read there, never on an HTTP worker.
    job.nextRun = [source, streamIndex = track.isSidecar() ? -1 : track.streamIndex,
                   sidecar = track.isSidecar()](const QList<FfmpegRunResult> &runs) -> std::optional<QStringList> {
        if (!runs.isEmpty())
            return std::nullopt;
        return arguments(source, streamIndex, sidecar ? sidecarCharacterSet(source) : QString());
    };
    job.finish = [cache = m_cache, conversions = m_conversions, key, source,
                  id = track.id](const QList<FfmpegRunResult> &runs) {
        ++*conversions;
        const FfmpegRunResult run = runs.value(0);
        if (!run.ok || !isWebVtt(run.output)) {
            const QString why = run.ok ? u"FFmpeg gave no WebVTT"_s : run.error;
            qCWarning(lcSubtitle).noquote() << "no WebVTT of subtitles" << id << "of" << source << ":" << why;
            return FfmpegOutcome::failed(why);
        }
        cache->store(key, {run.output, kVtt});
        return FfmpegOutcome::ok(run.output);
    };
    m_jobs.run(std::move(job), context, [done = std::move(done), validators](const FfmpegOutcome &outcome) {
        done(textOf(outcome, validators));
    });
}

QByteArray withTimestampMap(const QByteArray &vtt, qint64 mpegTs)
{
    // The map belongs in the header: right after the "WEBVTT" line.
    const qsizetype lineEnd = vtt.indexOf('\n');
    const QByteArray map = "X-TIMESTAMP-MAP=MPEGTS:" + QByteArray::number(mpegTs) + ",LOCAL:00:00:00.000\n";
    if (lineEnd < 0)
        return vtt + '\n' + map;
    return vtt.left(lineEnd + 1) + map + vtt.mid(lineEnd + 1);
}

} // namespace cairn
