#include "transcode/LiveLayout.h"

#include "stream/RangeRequest.h"

#include <QtEndian>

#include <cmath>

namespace cairn {
namespace {

constexpr qint64 kWavHeaderBytes = 44;

qint64 mp3BytesPerSecond(const OutputSpec &spec)
{
    return qint64(spec.bitrateKbps) * 125;
}

int mp3SamplesPerFrame(const OutputSpec &spec)
{
    return spec.sampleRate >= 32000 ? 1152 : 576;
}

qint64 wavBlockAlign(const OutputSpec &spec)
{
    return qint64(spec.channels) * 2;
}

void appendLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

void appendLe16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

} // namespace

std::optional<qint64> estimatedLength(const OutputSpec &spec, double seconds)
{
    seconds = qMax(0.0, seconds);
    switch (spec.format) {
    case OutputFormat::Mp3: {
        // The encoder adds its delay and a flushed last frame: two frames of margin.
        const double margin = 2.0 * mp3SamplesPerFrame(spec) / spec.sampleRate;
        return qint64(std::ceil((seconds + margin) * double(mp3BytesPerSecond(spec))));
    }
    case OutputFormat::Wav:
        return kWavHeaderBytes + qint64(std::llround(seconds * spec.sampleRate)) * wavBlockAlign(spec);
    default:
        return std::nullopt;
    }
}

QByteArray wavHeader(const OutputSpec &spec, qint64 dataBytes)
{
    const quint32 data = quint32(qMin<qint64>(dataBytes, 0xFFFFFFFFLL - 36));
    QByteArray h;
    h.reserve(kWavHeaderBytes);
    h.append("RIFF");
    appendLe32(h, data + 36);
    h.append("WAVEfmt ");
    appendLe32(h, 16);
    appendLe16(h, 1);   // PCM
    appendLe16(h, quint16(spec.channels));
    appendLe32(h, quint32(spec.sampleRate));
    appendLe32(h, quint32(spec.sampleRate * wavBlockAlign(spec)));
    appendLe16(h, quint16(wavBlockAlign(spec)));
    appendLe16(h, 16);
    h.append("data");
    appendLe32(h, data);
    return h;
}

std::optional<LivePlan> planLive(const OutputSpec &spec, double durationSeconds, double offsetSeconds,
                                 QByteArrayView rangeHeader)
{
    LivePlan plan;
    plan.startSeconds = offsetSeconds;
    const auto total = durationSeconds > 0 ? estimatedLength(spec, durationSeconds) : std::nullopt;
    if (!total) {
        // Unknown length: the largest sizes a RIFF header can state, as streaming WAV does.
        if (spec.format == OutputFormat::Wav)
            plan.prefix = wavHeader(spec, 0xFFFFFFFFLL);
        return plan;
    }
    plan.totalLength = *total;
    ByteRange range{0, *total - 1};
    if (!rangeHeader.isEmpty()) {
        const RangeResolution r = resolveRange(rangeHeader, *total);
        if (r.outcome == RangeOutcome::Unsatisfiable)
            return std::nullopt;
        // One range is what players send; several are answered whole (RFC 9110 allows it).
        if (r.outcome == RangeOutcome::Partial && r.ranges.size() == 1) {
            range = r.ranges.first();
            plan.partial = true;
        }
    }
    plan.range = range;
    plan.bodyLength = range.length();

    qint64 mediaOffset = range.first;   // offset into FFmpeg's own output
    if (spec.format == OutputFormat::Wav) {
        const QByteArray header = wavHeader(spec, *total - kWavHeaderBytes);
        if (range.first < kWavHeaderBytes)
            plan.prefix = header.mid(range.first, qMin<qint64>(kWavHeaderBytes, range.last + 1) - range.first);
        mediaOffset = qMax<qint64>(0, range.first - kWavHeaderBytes);
        const qint64 frame = mediaOffset / wavBlockAlign(spec);
        plan.startSeconds += double(frame) / spec.sampleRate;
        plan.skipBytes = mediaOffset - frame * wavBlockAlign(spec);
    } else {
        // MP3 frames are self-synchronising: a decoder joining mid-stream finds the next one.
        plan.startSeconds += double(mediaOffset) / double(mp3BytesPerSecond(spec));
    }
    return plan;
}

} // namespace cairn
