#include "AvProbe.h"

#include "av/AvInput.h"

#include "LyricsCollector.h"
#include "LyricsText.h"
#include "TagFields.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <memory>
#include <mutex>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/error.h>
}

using namespace Qt::Literals::StringLiterals;

namespace cairn::av {

namespace {

struct Deadline
{
    QElapsedTimer timer;
    int timeoutMs = 0;
};

int interruptWhenLate(void *opaque)
{
    const auto *deadline = static_cast<const Deadline *>(opaque);
    return deadline->timer.hasExpired(deadline->timeoutMs) ? 1 : 0;
}

QString avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

void applyTags(Track &track, LyricsCollector &lyrics, const AVDictionary *dict)
{
    const AVDictionaryEntry *entry = nullptr;
    while ((entry = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX))) {
        const QString key = QString::fromUtf8(entry->key);
        if (const auto lyricsKey = lyrics::lyricsKey(key))
            lyrics.addText(QString::fromUtf8(entry->value), lyricsKey->language, lyricsKey->description);
        else
            applyTag(track, key, QString::fromUtf8(entry->value));
    }
}

const AVStream *mainStream(const AVFormatContext *ctx, AVMediaType type)
{
    for (unsigned i = 0; i < ctx->nb_streams; ++i) {
        const AVStream *s = ctx->streams[i];
        if (s->codecpar->codec_type == type && !(s->disposition & AV_DISPOSITION_ATTACHED_PIC))
            return s;
    }
    return nullptr;
}

} // namespace

ProbeResult probe(const QString &path, int timeoutMs)
{
    static std::once_flag quietLogs;
    std::call_once(quietLogs, [] {
        if (av_log_get_level() > AV_LOG_ERROR)
            av_log_set_level(AV_LOG_ERROR);   // broken files are reported as scan errors
    });

    Deadline deadline;
    deadline.timeoutMs = timeoutMs;
    deadline.timer.start();
    AVFormatContext *raw = avformat_alloc_context();
    if (!raw)
        return {std::nullopt, u"out of memory"_s};
    raw->interrupt_callback.callback = interruptWhenLate;
    raw->interrupt_callback.opaque = &deadline;
    int rc = avformat_open_input(&raw, nativePath(path).constData(), nullptr, nullptr);
    if (rc < 0)   // avformat_open_input frees the context on failure
        return {std::nullopt, u"not a recognised media file (%1)"_s.arg(avError(rc))};
    FormatContext ctx(raw);
    rc = avformat_find_stream_info(ctx.get(), nullptr);
    if (rc < 0)
        return {std::nullopt, u"cannot read the streams (%1)"_s.arg(avError(rc))};
    if (deadline.timer.hasExpired(timeoutMs))
        return {std::nullopt, u"probing took too long"_s};

    const AVStream *video = mainStream(ctx.get(), AVMEDIA_TYPE_VIDEO);
    const AVStream *audio = mainStream(ctx.get(), AVMEDIA_TYPE_AUDIO);
    if (audio && (audio->codecpar->sample_rate <= 0 || audio->codecpar->ch_layout.nb_channels <= 0))
        audio = nullptr;   // a stream with no decodable parameters is garbage
    if (video && (video->codecpar->width <= 0 || video->codecpar->height <= 0))
        video = nullptr;
    if (!video && !audio)
        return {std::nullopt, u"no playable audio or video stream"_s};

    Track track;
    track.path = path;
    track.format = QFileInfo(path).suffix().toLower();
    track.kind = video ? MediaKind::Video : MediaKind::Audio;
    if (ctx->duration > 0 && ctx->duration != AV_NOPTS_VALUE)
        track.durationMs = ctx->duration / (AV_TIME_BASE / 1000);
    if (track.durationMs <= 0)
        return {std::nullopt, u"unknown duration (truncated or corrupt file?)"_s};
    track.bitrate = static_cast<int>(ctx->bit_rate / 1000);
    track.codec = QString::fromUtf8(avcodec_get_name((video ? video : audio)->codecpar->codec_id));
    if (video) {
        track.width = video->codecpar->width;
        track.height = video->codecpar->height;
    }
    if (audio) {
        track.sampleRate = audio->codecpar->sample_rate;
        track.channels = audio->codecpar->ch_layout.nb_channels;
    }
    LyricsCollector lyrics(path);
    applyTags(track, lyrics, ctx->metadata);
    if (audio)
        applyTags(track, lyrics, audio->metadata);   // Ogg keeps its comments on the stream
    return {track, {}, lyrics.lyrics()};
}

} // namespace cairn::av
