#include "api/LiveTranscodeStart.h"

#include "transcode/TranscodeService.h"

#include "HttpExchange.h"
#include "HttpLog.h"
#include "ProcessBody.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Starts FFmpeg and answers once it produced its first bytes (a stream), or failed before them
// (a JSON error), or stayed silent too long. A child of the connection: a client that leaves
// destroys it, which kills FFmpeg and frees the slot.
class FirstOutputWait : public QObject
{
public:
    FirstOutputWait(DeferredAnswer later, LiveStart start, TranscodeService &service)
        : QObject(later.context()), m_later(std::move(later)), m_start(std::move(start)), m_service(service)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            qCWarning(lcHttp).noquote() << m_start.description << "failed: no output in time";
            fail(u"the transcoder did not answer in time"_s);
        });
        connect(m_start.session.get(), &TranscodeSession::activity, this, &FirstOutputWait::check);
        if (!m_start.session->start()) {
            qCWarning(lcHttp).noquote() << m_start.description << "failed:" << m_start.session->errorText();
            fail(u"the transcoder cannot be started"_s);
            return;
        }
        m_timer.start(service.settings().firstByteTimeoutMs);
    }

private:
    void check()
    {
        TranscodeSession &session = *m_start.session;
        if (session.bytesAvailable() > 0)
            return answer();
        // No output at all is fine when FFmpeg succeeded (a range at the very end: the body is
        // padding); otherwise it failed before the first byte and the client gets an error.
        if (!session.hasExited())
            return;
        if (session.succeeded())
            return answer();
        qCWarning(lcHttp).noquote() << m_start.description << "failed:" << session.errorText();
        fail(u"the transcoder failed for this track"_s);
    }

    void answer()
    {
        m_timer.stop();
        m_start.session->disconnect(this);
        if (!m_start.cacheKey.isEmpty())
            m_start.cache = m_service.cache().writer(m_start.cacheKey, m_start.cacheExtension);
        m_later.give([this](HttpExchange &ex) {
            ex.stream(m_start.head,
                      std::make_unique<ProcessBody>(std::move(m_start.session), m_start.live, std::move(m_start.slot),
                                                    std::move(m_start.cache), m_start.description),
                      m_start.stream);
        });
        deleteLater();
    }

    void fail(const QString &message)
    {
        m_timer.stop();
        m_start.session->disconnect(this);
        m_later.give([&](HttpExchange &ex) { ex.fail(DomainError::failed(message)); });
        deleteLater();
    }

    DeferredAnswer m_later;
    LiveStart m_start;
    TranscodeService &m_service;
    QTimer m_timer;
};

} // namespace

void startLiveTranscode(HttpExchange &ex, TranscodeService &service, LiveStart start)
{
    const DeferredAnswer later = ex.defer();
    auto pending = std::make_shared<LiveStart>(std::move(start));
    service.jobs().acquire(FfmpegPriority::Playback, later.context(),
                           [later, pending, &service](std::unique_ptr<FfmpegQueue::Slot> slot) {
                               if (!slot) {
                                   return later.give([&](HttpExchange &ex) {
                                       ex.fail(DomainError::busy(u"too many transcodes are running (at most %1); "
                                                                 "try again shortly"_s
                                                                     .arg(service.jobs().maxConcurrent()),
                                                                 service.jobs().retryAfterSeconds()));
                                   });
                               }
                               pending->slot = std::move(slot);
                               new FirstOutputWait(later, std::move(*pending), service);
                           });
}

} // namespace cairn
