#include "HealthClient.h"

#include "TestHttpClient.h"

namespace cairn::test {
namespace {
constexpr int timeoutMs = 5000;
} // namespace

HealthClient::HealthClient(QHostAddress host, quint16 port, QObject *parent)
    : QThread(parent), m_host(std::move(host)), m_port(port)
{
}

void HealthClient::run()
{
    // Created here: the blocking client belongs to this thread.
    TestHttpClient client(m_port, 0, m_host);
    TestHttpClient::ReadOptions options;
    options.timeoutMs = -1;
    options.idleTimeoutMs = timeoutMs;
    while (!m_stop) {
        if (!client.ensureConnected(timeoutMs)) {
            ++m_failed;
            continue;
        }
        const TestHttpResponse r = client.request("GET", "/health", {}, options);
        if (r.complete && r.status == 200) {
            ++m_answered;
        } else {
            ++m_failed;
            client.abort();
        }
    }
    client.abort();
}

} // namespace cairn::test
