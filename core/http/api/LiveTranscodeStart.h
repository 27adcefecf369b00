#pragma once
// How every live FFmpeg stream of the HTTP API begins (an audio transcode, a video's MPEG-TS
// copy): the request waits in the FFmpeg queue for a player's slot, FFmpeg starts, and the
// answer goes out once its first bytes came — while the HTTP worker goes on serving others.

#include "activity/StreamInfo.h"
#include "ffmpeg/FfmpegQueue.h"
#include "http/HttpResponse.h"
#include "transcode/LiveLayout.h"
#include "transcode/TranscodeCache.h"
#include "transcode/TranscodeSession.h"

#include <QString>

#include <memory>

namespace cairn {

class HttpExchange;
class TranscodeService;

// A live transcode about to start: its answer's head and everything the body will need.
struct LiveStart
{
    HttpResponse head;
    StreamInfo stream;
    LivePlan live;
    QString description;                         // names the transcode in log lines
    std::unique_ptr<TranscodeSession> session;   // not started yet
    std::unique_ptr<FfmpegQueue::Slot> slot;     // set once the queue grants one
    std::unique_ptr<CacheWriter> cache;
    QString cacheKey;         // non-empty: a whole, successful output is kept in the cache
    QString cacheExtension;
};

// Defers `ex` and carries `start` out: 503 + Retry-After when the queue refuses (full, waited
// too long), 500 when FFmpeg fails or stays silent before its first byte, else the stream. A
// client that leaves meanwhile stops the wait and FFmpeg.
void startLiveTranscode(HttpExchange &ex, TranscodeService &service, LiveStart start);

} // namespace cairn
