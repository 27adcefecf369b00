#pragma once
// The one place that decides what a media request gets (track, caller, ask → plan): it finds
// the track the caller may see, resolves the preset, applies the user's and the client's
// bitrate limits, resolves the output and looks the transcode cache up. Protocols only read
// their parameters into a MediaAsk and carry the plan out. Cheap to build; thread-safe.

#include "base/Result.h"
#include "delivery/Caller.h"
#include "delivery/MediaAsk.h"
#include "delivery/MediaPlan.h"

#include <QStringList>

namespace cairn {

class Database;
class TranscodeService;
class UserAdministration;

class MediaPlanner
{
public:
    // `transcoding` null = transcodes are Unavailable; `users` null = no user has a bitrate limit.
    MediaPlanner(const Database &db, TranscodeService *transcoding, const UserAdministration *users);

    // The names of the stored presets an ask may name (empty without transcoding).
    QStringList presetNames() const;

    // NotFound: no such track for this caller, or its file is gone. Unavailable: a transcode
    // without transcoding. InvalidInput: an unknown preset (`allowed` lists the names), a
    // bitrate the format does not take, an offset outside the track.
    Result<MediaPlan> plan(qint64 trackId, const Caller &caller, const MediaAsk &ask) const;
    // The track when `caller` may see it and its file is there; else NotFound. Protocols ask
    // this before judging the rest of a request, so a hidden track is "not found" whatever else
    // is wrong.
    Result<Track> visibleTrack(qint64 trackId, const Caller &caller) const;

private:
    int userMaxBitrate(qint64 userId) const;

    const Database &m_db;
    TranscodeService *m_transcoding;
    const UserAdministration *m_users;
};

} // namespace cairn
