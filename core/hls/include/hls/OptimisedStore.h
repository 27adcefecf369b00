#pragma once
// Where optimised versions live: each in a directory of its own named by its id, holding its
// manifest, its init segment and its segments as FFmpeg finishes them. Unlike the transcode
// cache nothing is evicted: the store is bounded by refusing work past its size, and a version
// goes only when an administrator removes it. Sessions read finished segments from it like
// files. Thread-safe.

#include "hls/OptimisedVersion.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace cairn {

class OptimisedStore
{
public:
    OptimisedStore(QString directory, qint64 maxBytes);

    // Reads every version an earlier run left (their segments done and bytes counted), drops
    // unfinished files and directories without a readable manifest.
    QList<OptimisedVersion> load();

    // A finished segment of a version (kInitSegment: its init), or nullopt. One stat.
    std::optional<QString> lookup(const HlsSessionSource &source, const HlsVariant &variant, int index,
                                  const QString &x264Preset) const;

    // The same by the version's id (no hashing of the source): a loop over a version's segments.
    std::optional<QString> segmentOf(const QString &versionId, int index, SegmentFormat format) const;
    // Where FFmpeg writes a version's segments before adopt() moves each into place.
    QString workDirectory(const QString &versionId) const;
    bool writeManifest(const OptimisedVersion &version);
    // Moves a finished segment into its version; its new path, or nullopt (left where it was).
    std::optional<QString> adopt(const QString &versionId, int index, const QString &path);
    // The version's files, all of them; the bytes they took are free again.
    void remove(const QString &versionId);

    qint64 usedBytes() const;
    qint64 bytesOf(const QString &versionId) const;
    qint64 maxBytes() const { return m_maxBytes; }
    QString directory() const { return m_dir; }

private:
    QString versionDirectory(const QString &versionId) const;
    static bool isVersionId(const QString &text);

    const QString m_dir;
    const qint64 m_maxBytes;
    mutable QMutex m_mutex;
    QHash<QString, qint64> m_bytes;   // version id → bytes of its finished files
};

// A finished segment's name in a version's directory: "init.mp4", "12.m4s", "12.ts".
QString optimisedSegmentName(int index, SegmentFormat format);

} // namespace cairn
