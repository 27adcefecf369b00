#include "delivery/MediaPlanner.h"

#include "auth/UserAdministration.h"
#include "catalog/TrackRepository.h"
#include "delivery/StartOffset.h"
#include "stream/MediaType.h"
#include "transcode/PresetRules.h"
#include "transcode/TranscodeService.h"

#include "AskMessages.h"

#include <QFileInfo>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// The tighter of two limits in kbit/s, where 0 means none.
int tighterLimit(int a, int b)
{
    if (a <= 0)
        return qMax(0, b);
    if (b <= 0)
        return a;
    return qMin(a, b);
}

QStringList namesOf(const PresetRepository &presets)
{
    QStringList names;
    for (const Preset &p : presets.list())
        names << p.name;
    return names;
}

// The names are listed only when the ask is refused: a valid ask costs one preset lookup.
Result<Preset> presetFor(const MediaAsk &ask, const PresetRepository &presets)
{
    if (!ask.preset.isEmpty() && ask.format) {
        const QStringList names = namesOf(presets);
        return DomainError::invalid(ask::eitherPresetOrFormat(names), names);
    }
    if (!ask.preset.isEmpty()) {
        if (ask.bitrateKbps != 0)
            return DomainError::invalid(ask::bitrateWithPreset());
        if (const auto preset = presets.findByName(ask.preset))
            return *preset;
        const QStringList names = namesOf(presets);
        return DomainError::invalid(ask::unknownPreset(names), names);
    }
    Preset preset;
    preset.name = u"ad hoc"_s;
    preset.format = *ask.format;
    preset.bitrateKbps = ask.bitrateKbps != 0 ? ask.bitrateKbps : infoFor(*ask.format).defaultKbps;
    if (presetError(preset))
        return DomainError::invalid(ask::badBitrate(*ask.format));
    return preset;
}

} // namespace

MediaPlanner::MediaPlanner(const Database &db, TranscodeService *transcoding, const UserAdministration *users)
    : m_db(db), m_transcoding(transcoding), m_users(users)
{
}

QStringList MediaPlanner::presetNames() const
{
    return m_transcoding ? namesOf(m_transcoding->presets()) : QStringList();
}

// Read afresh for every request, so an administrator's edit applies to the next one.
int MediaPlanner::userMaxBitrate(qint64 userId) const
{
    if (!m_users || userId <= 0)
        return 0;
    const auto user = m_users->find(userId);
    return user ? qMax(0, user->maxBitrate) : 0;
}

Result<Track> MediaPlanner::visibleTrack(qint64 trackId, const Caller &caller) const
{
    const auto track = TrackRepository(m_db).find(trackId, caller.visibility);
    if (!track || !QFileInfo(track->path).isFile())
        return DomainError::notFound(u"no such track"_s);
    return *track;
}

Result<MediaPlan> MediaPlanner::plan(qint64 trackId, const Caller &caller, const MediaAsk &ask) const
{
    const Result<Track> track = visibleTrack(trackId, caller);
    if (!track)
        return track.error();

    MediaPlan plan;
    plan.track = *track;
    const bool withinLimit = [&] {
        const int limit = tighterLimit(userMaxBitrate(caller.userId), ask.maxBitrateKbps);
        return limit <= 0 || track->bitrate <= limit;
    }();
    if (ask.wantsOriginal() || (ask.originalUnlessAboveLimit && ask.offsetSeconds == 0 && withinLimit)) {
        if (ask.offsetSeconds != 0)
            return DomainError::invalid(u"'offset' goes with a transcode, not with the original file"_s);
        plan.kind = MediaPlan::Kind::OriginalFile;
        plan.filePath = track->path;
        plan.mediaType = mediaTypeForFormat(track->format);
        return plan;
    }
    if (!m_transcoding)
        return DomainError::unavailable(u"transcoding is not available on this server"_s);

    const auto preset = presetFor(ask, m_transcoding->presets());
    if (!preset)
        return preset.error();
    if (auto error = offsetError(ask.offsetSeconds, track->durationMs))
        return *error;

    const Preset used = cappedPreset(*preset, tighterLimit(userMaxBitrate(caller.userId), ask.maxBitrateKbps));
    plan.kind = MediaPlan::Kind::LiveTranscode;
    plan.presetName = used.name;
    plan.output = resolveOutput(used, track->sampleRate, track->channels);
    const OutputFormatInfo &info = infoFor(plan.output.format);
    plan.mediaType = info.mediaType;
    plan.offsetSeconds = ask.offsetSeconds;
    plan.seekable = info.constantBitrate && track->durationMs > 0;
    if (ask.offsetSeconds != 0)
        return plan;   // only a whole transcode is worth keeping

    const QFileInfo source(track->path);
    plan.cacheKey = transcodeCacheKey(track->id, source.size(), source.lastModified().toUTC(), plan.output);
    plan.cacheExtension = info.extension;
    if (const auto cached = m_transcoding->cache().lookup(plan.cacheKey)) {
        plan.kind = MediaPlan::Kind::CachedTranscode;
        plan.filePath = *cached;
    }
    return plan;
}

} // namespace cairn
