#pragma once
// The body of an HLS segment that is still being produced: nothing until the session has it
// (the answer's head is already out, so the worker never blocks on FFmpeg), then the file.
// While FFmpeg writes the segment, what it has written so far is sent as it comes (a seek's
// first frames long before the segment is done), and the finished file from there on.
// Sent chunked: its size is only known once FFmpeg finished it. Fails (the connection drops)
// when the segment cannot be made; players then retry.

#include "BodySource.h"

#include <QFile>

#include <memory>

namespace cairn {

class HlsSession;
class SegmentWait;

class SegmentBody final : public BodySource
{
public:
    SegmentBody(std::shared_ptr<HlsSession> session, std::shared_ptr<SegmentWait> wait);
    ~SegmentBody() override;

    qint64 size() const override { return kUnknownSize; }
    qint64 read(char *buffer, qint64 max) override;
    bool isLive() const override { return true; }
    bool atEnd() const override { return m_ended; }
    void setDataNotifier(std::function<void()> notify) override;

private:
    qint64 readGrowing(char *buffer, qint64 max);
    bool openFinished();
    void pollLater();
    qint64 sent(qint64 n);

    std::shared_ptr<HlsSession> m_session;
    std::shared_ptr<SegmentWait> m_wait;
    std::unique_ptr<QObject> m_context;   // on the pump's thread: where the wait's notifier runs
    std::function<void()> m_notify;
    QFile m_file;
    bool m_finished = false;   // m_file is the finished segment (else the one FFmpeg grows)
    bool m_pollArmed = false;
    qint64 m_sent = 0;         // body bytes sent, from either file
    bool m_ended = false;
};

} // namespace cairn
