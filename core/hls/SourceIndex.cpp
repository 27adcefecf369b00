#include "hls/SourceIndex.h"

#include "av/AvInput.h"

#include "HlsLog.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace cairn {
namespace {

// Profile, constraint flags and level from the stream's extradata: an avcC record (MP4,
// Matroska) or an Annex B SPS. The container header carries them; no frame is parsed.
bool readH264Profile(const AVCodecParameters *par, SourceIndex &index)
{
    const QByteArrayView data(par->extradata, par->extradata_size);
    qsizetype at = -1;
    if (data.size() >= 4 && data.at(0) == 1) {
        at = 1;   // avcC: version, profile, constraints, level
    } else {
        for (qsizetype i = 0; i + 4 < data.size(); ++i) {   // Annex B: 00 00 01, NAL type 7
            if (data.at(i) == 0 && data.at(i + 1) == 0 && data.at(i + 2) == 1 && (data.at(i + 3) & 0x1f) == 7) {
                at = i + 4;
                break;
            }
        }
    }
    if (at < 0 || at + 2 >= data.size())
        return false;
    index.h264Profile = quint8(data.at(at));
    index.h264Constraints = quint8(data.at(at + 1));
    index.h264Level = quint8(data.at(at + 2));
    return index.h264Profile > 0 && index.h264Level > 0;
}

// Bytes between the keyframes that start segments `from` and `to` (the file's end for
// to == count); -1 when an offset is unknown.
qint64 bytesBetween(const SourceIndex &index, const SegmentTimeline &timeline, int from, int to)
{
    const auto offsetAt = [&](int segment) -> qint64 {
        if (segment >= timeline.count())
            return index.fileSize;
        const qint64 startMs = std::llround(timeline.startSeconds(segment) * 1000.0);
        // The segment starts at a keyframe: the last one at or before its start.
        const auto after = std::upper_bound(index.keyframesMs.begin(), index.keyframesMs.end(), startMs + 1);
        const qsizetype at = qMax<qsizetype>(0, after - index.keyframesMs.begin() - 1);
        return index.keyframeBytes.value(at, -1);
    };
    const qint64 begin = offsetAt(from);
    const qint64 end = offsetAt(to);
    return begin < 0 || end < 0 || end < begin ? -1 : end - begin;
}

// (average, peak) bits/s of the copied source: the whole file over its duration, and the
// busiest segment. (0, 0) when the size or duration is unknown.
std::pair<qint64, qint64> measuredRates(const SourceIndex &index, const SegmentTimeline &timeline)
{
    const double seconds = double(index.durationMs) / 1000.0;
    if (index.fileSize <= 0 || seconds <= 0)
        return {index.bitRate, index.bitRate};
    const qint64 average = qint64(double(index.fileSize) * 8.0 / seconds);
    qint64 peak = 0;
    // Not the last segment when there are others: the file's end may hold an index (an MP4
    // moov written last), which is no media.
    const int measured = timeline.count() > 1 ? timeline.count() - 1 : timeline.count();
    for (int i = 0; i < measured; ++i) {
        const qint64 bytes = bytesBetween(index, timeline, i, i + 1);
        const double duration = timeline.durationSeconds(i);
        if (bytes < 0 || duration < 0.5)
            continue;   // a short final sliver says nothing of the rate
        peak = qMax(peak, qint64(double(bytes) * 8.0 / duration));
    }
    return {average, qMax(peak, average)};
}

} // namespace

std::optional<SourceIndex> readSourceIndex(const QString &path)
{
    AVFormatContext *raw = nullptr;
    if (avformat_open_input(&raw, av::nativePath(path).constData(), nullptr, nullptr) < 0)
        return std::nullopt;
    av::FormatContext ctx(raw);
    // The header gives codecs, sizes, profile and level for MP4 and Matroska; no packet is
    // read (avformat_find_stream_info would decode some), so this costs milliseconds.
    const int videoIndex = av_find_best_stream(ctx.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (videoIndex < 0)
        return std::nullopt;
    AVStream *video = ctx->streams[videoIndex];
    if (video->codecpar->codec_id != AV_CODEC_ID_H264 || video->codecpar->width <= 0)
        return std::nullopt;
    SourceIndex index;
    const int audioIndex = av_find_best_stream(ctx.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (audioIndex >= 0) {
        if (ctx->streams[audioIndex]->codecpar->codec_id != AV_CODEC_ID_AAC)
            return std::nullopt;
        index.hasAudio = true;
    }
    index.width = video->codecpar->width;
    index.height = video->codecpar->height;
    if (!readH264Profile(video->codecpar, index))
        return std::nullopt;
    index.bitRate = qMax<qint64>(0, ctx->bit_rate);
    if (ctx->duration > 0)
        index.durationMs = ctx->duration / (AV_TIME_BASE / 1000);
    // Matroska reads its cues on the first seek only.
    if (avformat_index_get_entries_count(video) < 2)
        av_seek_frame(ctx.get(), videoIndex, 0, AVSEEK_FLAG_BACKWARD);
    const double unit = av_q2d(video->time_base) * 1000.0;
    const int entries = avformat_index_get_entries_count(video);
    QList<std::pair<qint64, qint64>> keyframes;   // time, file offset
    for (int i = 0; i < entries; ++i) {
        const AVIndexEntry *entry = avformat_index_get_entry(video, i);
        if (entry && (entry->flags & AVINDEX_KEYFRAME) && entry->timestamp != AV_NOPTS_VALUE)
            keyframes.append({qint64(double(entry->timestamp) * unit), entry->pos >= 0 ? entry->pos : -1});
    }
    std::sort(keyframes.begin(), keyframes.end());
    for (const auto &[ms, bytes] : keyframes) {
        index.keyframesMs << ms;
        index.keyframeBytes << bytes;
    }
    index.fileSize = qMax<qint64>(0, avio_size(ctx->pb));
    if (index.keyframesMs.size() < 2 || index.durationMs <= 0) {
        qCDebug(lcHls) << path << "has no usable keyframe index: no passthrough variant";
        return std::nullopt;
    }
    return index;
}

HlsVariant passthroughVariant(const SourceIndex &index, const SegmentTimeline &timeline)
{
    HlsVariant variant;
    variant.key = QStringLiteral("original");
    variant.name = QStringLiteral("Original");
    variant.width = index.width;
    variant.height = index.height;
    const auto rates = measuredRates(index, timeline);
    variant.measuredAverageBps = rates.first;
    variant.measuredPeakBps = rates.second;
    // The kbit/s players never see (the measured rates make BANDWIDTH): for logs and activity.
    variant.videoKbps = int(qMax<qint64>(1, (rates.first > 0 ? rates.first : index.bitRate) / 1000));
    variant.h264Level = QString::number(index.h264Level / 10.0, 'f', 1);
    variant.codecs = QStringLiteral("avc1.%1%2%3")
                         .arg(index.h264Profile, 2, 16, QLatin1Char('0'))
                         .arg(index.h264Constraints, 2, 16, QLatin1Char('0'))
                         .arg(index.h264Level, 2, 16, QLatin1Char('0'));
    if (index.hasAudio)
        variant.codecs += QStringLiteral(",mp4a.40.2");
    variant.passthrough = true;
    return variant;
}

} // namespace cairn
