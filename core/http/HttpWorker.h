#pragma once
// One HTTP worker: lives on its own thread with its own event loop and adopts the connections
// the acceptor hands it. Handlers run here, never on the GUI thread.

#include "HeapTrimmer.h"
#include "HttpConnection.h"

#include <QObject>
#include <QSslConfiguration>

#include <atomic>
#include <optional>

namespace cairn {

class Router;

class HttpWorker : public QObject
{
    Q_OBJECT
public:
    HttpWorker(const Router &router, const ConnectionLimits &limits, QObject *parent = nullptr);

    // Thread-safe: takes ownership of an accepted socket descriptor.
    void adoptLater(qintptr descriptor);
    int connectionCount() const { return m_connections.load(); }
    // Serve HTTPS with this certificate and key. Call before the first adoptLater().
    void setTls(const QSslConfiguration &tls) { m_tls = tls; }

private:
    void adopt(qintptr descriptor);

    const Router &m_router;
    ConnectionLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    std::atomic_int m_connections{0};
    HeapTrimmer m_trimmer;
};

} // namespace cairn
