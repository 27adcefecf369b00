#pragma once
// A load generator for GUI-responsiveness tests: a thread that sends `GET /health` over a
// keep-alive connection (the one test client) as fast as the server answers, counting answers,
// until stopped.

#include <QHostAddress>
#include <QThread>

#include <atomic>

namespace cairn::test {

class HealthClient : public QThread
{
    Q_OBJECT
public:
    HealthClient(QHostAddress host, quint16 port, QObject *parent = nullptr);

    void stop() { m_stop = true; }
    int answered() const { return m_answered.load(); }   // 200 responses with a complete body
    int failed() const { return m_failed.load(); }

protected:
    void run() override;

private:
    const QHostAddress m_host;
    const quint16 m_port;
    std::atomic_bool m_stop{false};
    std::atomic_int m_answered{0};
    std::atomic_int m_failed{0};
};

} // namespace cairn::test
