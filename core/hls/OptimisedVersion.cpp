#include "hls/OptimisedVersion.h"

#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr int kManifestLayout = 1;

QJsonObject variantJson(const HlsVariant &v)
{
    return {{u"key"_s, v.key},           {u"name"_s, v.name},         {u"width"_s, v.width},
            {u"height"_s, v.height},     {u"videoKbps"_s, v.videoKbps}, {u"audioKbps"_s, v.audioKbps},
            {u"h264Level"_s, v.h264Level}, {u"codecs"_s, v.codecs}};
}

std::optional<HlsVariant> variantFrom(const QJsonObject &o)
{
    HlsVariant v;
    v.key = o.value(u"key"_s).toString();
    v.name = o.value(u"name"_s).toString();
    v.width = o.value(u"width"_s).toInt();
    v.height = o.value(u"height"_s).toInt();
    v.videoKbps = o.value(u"videoKbps"_s).toInt();
    v.audioKbps = o.value(u"audioKbps"_s).toInt();
    v.h264Level = o.value(u"h264Level"_s).toString();
    v.codecs = o.value(u"codecs"_s).toString();
    if (v.key.isEmpty() || v.width <= 0 || v.height <= 0 || v.videoKbps <= 0 || v.audioKbps < 0 || v.h264Level.isEmpty())
        return std::nullopt;
    return v;
}

} // namespace

QString stateName(OptimisedVersion::State state)
{
    switch (state) {
    case OptimisedVersion::State::Queued: return u"queued"_s;
    case OptimisedVersion::State::Running: return u"running"_s;
    case OptimisedVersion::State::Paused: return u"paused"_s;
    case OptimisedVersion::State::Done: return u"done"_s;
    case OptimisedVersion::State::Failed: return u"failed"_s;
    case OptimisedVersion::State::Outdated: return u"outdated"_s;
    }
    return {};
}

QJsonObject manifestOf(const OptimisedVersion &version)
{
    const HlsSessionSource &s = version.source;
    return {{u"layout"_s, kManifestLayout},
            {u"id"_s, version.id},
            {u"trackId"_s, s.trackId},
            {u"path"_s, s.path},
            {u"size"_s, s.size},
            {u"mtimeMs"_s, s.mtime.toMSecsSinceEpoch()},
            {u"title"_s, s.title},
            {u"durationMs"_s, qRound64(s.timeline.totalSeconds() * 1000)},
            {u"segmentSeconds"_s, s.timeline.targetSeconds()},
            {u"format"_s, segmentExtension(s.format)},
            {u"variant"_s, variantJson(version.variant())},
            {u"x264Preset"_s, version.x264Preset},
            {u"requestedBy"_s, version.requestedBy},
            {u"created"_s, version.created.toString(Qt::ISODateWithMs)},
            {u"failed"_s, version.state == OptimisedVersion::State::Failed ? QJsonValue(version.error) : QJsonValue()}};
}

std::optional<OptimisedVersion> versionFromManifest(const QJsonObject &m)
{
    if (m.value(u"layout"_s).toInt() != kManifestLayout)
        return std::nullopt;
    const auto variant = variantFrom(m.value(u"variant"_s).toObject());
    const qint64 durationMs = m.value(u"durationMs"_s).toInteger();
    const int segmentSeconds = m.value(u"segmentSeconds"_s).toInt();
    const QString format = m.value(u"format"_s).toString();
    if (!variant || durationMs <= 0 || segmentSeconds <= 0 || (format != u"m4s"_s && format != u"ts"_s))
        return std::nullopt;
    OptimisedVersion v;
    v.id = m.value(u"id"_s).toString();
    v.source.trackId = m.value(u"trackId"_s).toInteger();
    v.source.path = m.value(u"path"_s).toString();
    v.source.size = m.value(u"size"_s).toInteger();
    v.source.mtime = QDateTime::fromMSecsSinceEpoch(m.value(u"mtimeMs"_s).toInteger(), Qt::UTC);
    v.source.title = m.value(u"title"_s).toString();
    v.source.timeline = SegmentTimeline(durationMs, segmentSeconds);
    v.source.format = format == u"ts"_s ? SegmentFormat::MpegTs : SegmentFormat::Fmp4;
    v.source.variants = {*variant};
    v.x264Preset = m.value(u"x264Preset"_s).toString();
    v.requestedBy = m.value(u"requestedBy"_s).toString();
    v.created = QDateTime::fromString(m.value(u"created"_s).toString(), Qt::ISODateWithMs);
    if (const QJsonValue failed = m.value(u"failed"_s); failed.isString()) {
        v.state = OptimisedVersion::State::Failed;
        v.error = failed.toString();
    }
    if (v.id.isEmpty() || v.source.path.isEmpty() || v.x264Preset.isEmpty())
        return std::nullopt;
    return v;
}

} // namespace cairn
