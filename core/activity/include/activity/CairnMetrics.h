#pragma once
// The metrics every Cairn server exports beyond HTTP requests: active streams by kind, active
// transcodes, library items by kind (gauges) and the duration of finished transcodes. Wired
// once by the runtime (and by tests building a server).

namespace cairn {

class ActivityRegistry;
class Database;
class MetricsRegistry;

// `activity` and `catalog` (may be null) must outlive `metrics`' scrapes; `metrics` must
// outlive the streams of `activity`.
void addCairnMetrics(MetricsRegistry &metrics, ActivityRegistry &activity, const Database *catalog);

} // namespace cairn
