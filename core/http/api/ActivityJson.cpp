#include "api/ActivityJson.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QJsonObject streamJson(const StreamSnapshot &s)
{
    QJsonObject o{
        {u"id"_s, s.id},
        {u"user"_s, s.user},
        {u"client"_s, s.client},
        {u"userAgent"_s, s.userAgent},
        {u"kind"_s, streamKindName(s.info.kind)},
        {u"trackId"_s, s.info.trackId},
        {u"title"_s, s.info.title},
        {u"startedAt"_s, s.startedAt.toString(Qt::ISODateWithMs)},
        {u"bytesSent"_s, s.bytesSent},
        {u"bytesPerSecond"_s, qRound64(s.bytesPerSecond)},
        {u"capBytesPerSecond"_s, s.capBytesPerSecond},
    };
    if (!s.info.preset.isEmpty())
        o.insert(u"preset"_s, s.info.preset);
    if (!s.info.player.isEmpty())
        o.insert(u"player"_s, s.info.player);
    if (s.totalBytes >= 0)
        o.insert(u"totalBytes"_s, s.totalBytes);
    if (s.info.seekPositionMs >= 0)
        o.insert(u"seekPositionMs"_s, s.info.seekPositionMs);
    return o;
}

QJsonObject activityJson(const QList<StreamSnapshot> &streams)
{
    QJsonArray items;
    int transcodes = 0;
    double rate = 0;
    for (const StreamSnapshot &s : streams) {
        items.append(streamJson(s));
        if (s.info.kind == StreamKind::Transcode)
            ++transcodes;
        rate += s.bytesPerSecond;
    }
    return QJsonObject{{u"items"_s, items},
                       {u"active"_s, int(streams.size())},
                       {u"transcodes"_s, transcodes},
                       {u"bytesPerSecond"_s, qRound64(rate)}};
}

QJsonObject finishedStreamJson(const FinishedStream &s)
{
    QJsonObject o{
        {u"id"_s, s.id},
        {u"user"_s, s.user},
        {u"client"_s, s.client},
        {u"kind"_s, streamKindName(s.info.kind)},
        {u"trackId"_s, s.info.trackId},
        {u"title"_s, s.info.title},
        {u"startedAt"_s, s.startedAt.toString(Qt::ISODateWithMs)},
        {u"endedAt"_s, s.endedAt.toString(Qt::ISODateWithMs)},
        {u"durationSeconds"_s, double(s.startedAt.msecsTo(s.endedAt)) / 1000.0},
        {u"bytesSent"_s, s.bytesSent},
        {u"ending"_s, streamEndingName(s.ending)},
    };
    if (!s.info.preset.isEmpty())
        o.insert(u"preset"_s, s.info.preset);
    return o;
}

QJsonObject playCountJson(const PlayCount &c)
{
    return QJsonObject{{u"trackId"_s, c.trackId}, {u"title"_s, c.title}, {u"plays"_s, c.plays}};
}

QJsonObject timelineJson(int intervalMs, const QList<ActivitySample> &samples)
{
    QJsonArray items;
    for (const ActivitySample &sample : samples) {
        QJsonObject streams;
        for (int kind = 0; kind < kStreamKindCount; ++kind)
            streams.insert(streamKindName(StreamKind(kind)), sample.streams[size_t(kind)]);
        items.append(QJsonObject{{u"at"_s, sample.at.toString(Qt::ISODateWithMs)},
                                 {u"bytesPerSecond"_s, qRound64(sample.bytesPerSecond)},
                                 {u"streams"_s, streams}});
    }
    return QJsonObject{{u"intervalSeconds"_s, double(intervalMs) / 1000.0}, {u"samples"_s, items}};
}

} // namespace cairn
