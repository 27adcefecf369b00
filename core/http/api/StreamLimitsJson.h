#pragma once
// The operator's stream limits as the API shows and edits them: counts, bandwidth caps in kB/s
// (as the desktop's editor and the throttle route speak), the Retry-After of refusals, video
// sessions per user and the request rate per client address.

#include "activity/StreamLimits.h"
#include "base/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace cairn {

// {"maxStreams","maxStreamsPerUser","maxHlsSessionsPerUser","totalKBps","streamKBps",
//  "retryAfterSeconds","requestsPerSecond","requestBurst"}; 0 = unlimited.
QJsonObject streamLimitsJson(const StreamLimits &limits);
// `current` with the fields a JSON body sets (any of the above). Each must be a whole number
// within its range; the first one that is not, or an unknown field, is named in the error.
Result<StreamLimits> editedStreamLimits(const StreamLimits &current, const QByteArray &body);

} // namespace cairn
