#include "activity/CairnMetrics.h"

#include "activity/ActivityRegistry.h"
#include "activity/MetricsRegistry.h"
#include "catalog/Database.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

void addCairnMetrics(MetricsRegistry &metrics, ActivityRegistry &activity, const Database *catalog)
{
    // Runs on the worker that ended the stream; the metrics registry is thread-safe.
    activity.setFinishObserver([&metrics](const FinishedStream &stream) {
        if (stream.info.kind == StreamKind::Transcode)
            metrics.observeTranscode(double(stream.startedAt.msecsTo(stream.endedAt)) / 1000.0);
    });
    metrics.addGauge(u"cairn_active_streams"_s, u"Streams being sent now, by kind."_s, u"kind"_s, [&activity] {
        QMap<StreamKind, double> counts;
        for (StreamKind k : {StreamKind::Direct, StreamKind::Download, StreamKind::Transcode, StreamKind::Hls})
            counts.insert(k, 0);
        const QList<StreamSnapshot> streams = activity.snapshot();
        for (const StreamSnapshot &s : streams)
            counts[s.info.kind] += 1;
        QList<QPair<QString, double>> samples;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            samples.append({streamKindName(it.key()), it.value()});
        return samples;
    });
    metrics.addGauge(u"cairn_active_transcodes"_s, u"Transcodes running now."_s, {}, [&activity] {
        double n = 0;
        const QList<StreamSnapshot> streams = activity.snapshot();
        for (const StreamSnapshot &s : streams)
            if (s.info.kind == StreamKind::Transcode)
                n += 1;
        return QList<QPair<QString, double>>{{QString(), n}};
    });
    if (!catalog)
        return;
    metrics.addGauge(u"cairn_library_items"_s, u"Tracks in the catalog, by kind."_s, u"kind"_s, [catalog] {
        // Kinds as stored by the catalog (MediaKind): 0 audio, 1 video.
        double audio = 0;
        double video = 0;
        QSqlQuery q(catalog->connection());
        if (q.exec(u"SELECT kind, COUNT(*) FROM tracks GROUP BY kind"_s)) {
            while (q.next())
                (q.value(0).toInt() == 1 ? video : audio) += q.value(1).toDouble();
        }
        return QList<QPair<QString, double>>{{u"audio"_s, audio}, {u"video"_s, video}};
    });
}

} // namespace cairn
