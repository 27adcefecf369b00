#pragma once
// A video's preview clip: 30 seconds from 10% into it (past intros; videos of 30 s or less
// whole) as a small MP4 (H.264 + AAC, within 854×480, moov first so players start at once).
// Which part, the FFmpeg arguments and the cache key of one version of the source.

#include "preview/SourceVersion.h"

#include <QString>
#include <QStringList>

namespace cairn {

struct PreviewClipPlan
{
    qint64 startMs = 0;
    qint64 lengthMs = 0;
};

inline constexpr qint64 kPreviewClipMs = 30000;
inline constexpr int kPreviewMaxWidth = 854;
inline constexpr int kPreviewMaxHeight = 480;

// Starts at 10% of the duration, or earlier when that would leave less than 30 s.
PreviewClipPlan planPreviewClip(qint64 durationMs);

// Encodes the planned part of `source` into `output` (MP4, whatever its file name says).
QStringList previewClipArguments(const QString &source, const PreviewClipPlan &plan, const QString &output);

// The clip's name in the transcode cache: the track, its file's size and mtime, the encoding.
QString previewClipCacheKey(qint64 trackId, const SourceVersion &stamp);

} // namespace cairn
