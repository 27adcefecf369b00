#include "SegmentBody.h"

#include "hls/HlsSession.h"
#include "hls/SegmentWait.h"

#include "HttpLog.h"

namespace cairn {

SegmentBody::SegmentBody(std::shared_ptr<HlsSession> session, std::shared_ptr<SegmentWait> wait)
    : m_session(std::move(session)), m_wait(std::move(wait))
{
}

SegmentBody::~SegmentBody()
{
    m_wait->setNotifier(nullptr, {});   // before the context goes (see SegmentWait)
}

void SegmentBody::setDataNotifier(std::function<void()> notify)
{
    m_context = std::make_unique<QObject>();
    m_wait->setNotifier(m_context.get(), std::move(notify));
}

qint64 SegmentBody::read(char *buffer, qint64 max)
{
    if (m_ended)
        return 0;
    if (!m_file.isOpen()) {
        switch (m_wait->state()) {
        case SegmentWait::State::Pending:
            return 0;
        case SegmentWait::State::Failed:
            qCWarning(lcHttp).noquote() << "HLS segment" << m_wait->index() << "of session" << m_session->id()
                                        << "failed:" << m_wait->error();
            return -1;
        case SegmentWait::State::Ready:
            m_file.setFileName(m_wait->path());
            if (!m_file.open(QIODevice::ReadOnly)) {
                qCWarning(lcHttp) << "cannot read HLS segment" << m_file.fileName() << m_file.errorString();
                return -1;
            }
            break;
        }
    }
    const qint64 n = m_file.read(buffer, max);
    if (n < 0)
        return -1;
    if (n == 0)
        m_ended = true;
    m_session->addBytesSent(n);
    return n;
}

} // namespace cairn
