#pragma once
// The JSON of the activity API: live streams, totals, history rows, most played tracks.

#include "activity/ActivityTimeline.h"
#include "activity/StreamHistory.h"
#include "activity/StreamSnapshot.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cairn {

QJsonObject streamJson(const StreamSnapshot &stream);
// {"items": [stream…], "active", "transcodes", "bytesPerSecond"}
QJsonObject activityJson(const QList<StreamSnapshot> &streams);
QJsonObject finishedStreamJson(const FinishedStream &stream);
QJsonObject playCountJson(const PlayCount &count);
// {"intervalSeconds", "samples": [{"at", "bytesPerSecond", "streams": {"direct", "download",
// "transcode", "hls"}}…]}, oldest first.
QJsonObject timelineJson(int intervalMs, const QList<ActivitySample> &samples);

} // namespace cairn
