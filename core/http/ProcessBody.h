#pragma once
// The body of a live transcode: FFmpeg's output as it is produced, behind an optional prefix
// (a WAV header) and, for constant-bitrate outputs, held to an announced length (silence
// padding or trimming). Holds the transcode's concurrency slot; a finished, successful
// transcode of the whole track is also written to the transcode cache. Destroying it (the
// client left, the stream ended) kills FFmpeg at once.

#include "transcode/LiveLayout.h"
#include "ffmpeg/FfmpegQueue.h"

#include "BodySource.h"

#include <QString>

#include <memory>

namespace cairn {

class CacheWriter;
class TranscodeSession;

class ProcessBody final : public BodySource
{
public:
    // `session` must have been started; `description` names the transcode in log lines.
    ProcessBody(std::unique_ptr<TranscodeSession> session, LivePlan plan,
                std::unique_ptr<FfmpegQueue::Slot> slot, std::unique_ptr<CacheWriter> cache,
                QString description);
    ~ProcessBody() override;

    qint64 size() const override { return m_plan.bodyLength >= 0 ? m_plan.bodyLength : kUnknownSize; }
    qint64 read(char *buffer, qint64 max) override;
    bool isLive() const override { return true; }
    bool atEnd() const override { return m_ended; }
    void setDataNotifier(std::function<void()> notify) override;

private:
    qint64 produced(const char *buffer, qint64 n);
    qint64 readFfmpeg(char *buffer, qint64 max);

    std::unique_ptr<TranscodeSession> m_session;
    LivePlan m_plan;
    std::unique_ptr<FfmpegQueue::Slot> m_slot;
    std::unique_ptr<CacheWriter> m_cache;
    QString m_description;
    qint64 m_remaining;          // -1 = unbounded
    qint64 m_prefixSent = 0;
    qint64 m_skip;
    bool m_ffmpegDone = false;   // FFmpeg's output fully read and it exited successfully
    bool m_ended = false;
};

} // namespace cairn
