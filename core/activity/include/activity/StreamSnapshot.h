#pragma once
// Value types describing streams: one live stream as seen at an instant, and one finished
// stream as history keeps it.

#include "activity/StreamInfo.h"

#include <QDateTime>
#include <QString>

namespace cairn {

enum class StreamEnding { Completed, ClientLeft, EndedByAdmin, Failed };

QString streamEndingName(StreamEnding ending);   // "completed", "client-left", "ended", "failed"

struct StreamSnapshot
{
    qint64 id = 0;
    QString user;
    qint64 userId = 0;
    QString client;              // peer address
    QString userAgent;
    StreamInfo info;
    QDateTime startedAt;         // UTC
    qint64 bytesSent = 0;
    qint64 totalBytes = -1;      // body size, -1 = unknown (live)
    double bytesPerSecond = 0;   // moving average
    qint64 capBytesPerSecond = 0;   // this stream's own cap, 0 = none
};

struct FinishedStream
{
    qint64 id = 0;               // history row id (0 before it is stored)
    QString user;
    QString client;
    StreamInfo info;
    QDateTime startedAt;
    QDateTime endedAt;
    qint64 bytesSent = 0;
    StreamEnding ending = StreamEnding::Completed;
};

} // namespace cairn
