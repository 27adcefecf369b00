#pragma once
// One optimised version: a video's encoded variant made ahead of time in the background, where
// its making stands, and what it is made from. The store keeps it as a manifest beside its
// segments, so it survives restarts (an unfinished one resumes).

#include "hls/HlsSessionSource.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cairn {

struct OptimisedVersion
{
    enum class State {
        Queued,
        Running,
        Paused,     // waits while someone watches a live transcode
        Done,
        Failed,
        Outdated,   // its file changed or went away since: nothing serves it any more
    };

    QString id;                    // variantVersionKey(): its directory and its URL
    HlsSessionSource source;       // `variants` holds the one variant it is
    QString x264Preset;
    State state = State::Queued;
    int segmentsDone = 0;
    qint64 bytes = 0;
    QString error;                 // Failed: why
    QString requestedBy;
    QDateTime created;

    const HlsVariant &variant() const { return source.variants.constFirst(); }
    int segmentCount() const { return source.timeline.count(); }
    bool isPending() const { return state == State::Queued || state == State::Running || state == State::Paused; }
};

QString stateName(OptimisedVersion::State state);   // "queued", "running"… (the JSON API's words)

// version.json: the version's source, variant and request (no progress: the files say it).
QJsonObject manifestOf(const OptimisedVersion &version);
// nullopt for a manifest that is not one (damaged, or from an unknown layout).
std::optional<OptimisedVersion> versionFromManifest(const QJsonObject &manifest);

} // namespace cairn
