#pragma once
// A real server for the activity tests: a catalog in a temporary directory with generated
// media, an ActivityRegistry and a MetricsRegistry wired as the runtime wires them, and a
// request guard that takes the caller's name from an `X-Test-User` header ("local" without
// one) so limits per user can be exercised with several identities.

#include "TestCatalog.h"
#include "activity/ActivityRegistry.h"
#include "activity/MetricsRegistry.h"
#include "catalog/Database.h"
#include "http/HttpServer.h"

#include <memory>

namespace cairn::test {

class ActivityServer
{
public:
    ActivityServer();
    ~ActivityServer();

    // Generates `seconds` of WAV audio per name (once), scans, starts the server.
    // Returns an error text, empty on success.
    QString start(const QStringList &wavNames, double seconds, HttpServerConfig config = {},
                  bool publicMetrics = false);
    void stop();

    qint64 trackId(const QString &fileName) const { return m_catalog.trackIdFor(fileName); }
    QByteArray streamPath(const QString &fileName) const;
    QByteArray downloadPath(const QString &fileName) const;

    Database &database() { return m_catalog.database(); }
    ActivityRegistry &activity() { return *m_activity; }
    MetricsRegistry &metrics() { return *m_metrics; }
    HttpServer &server() { return *m_server; }
    quint16 port() const { return m_server->port(); }

private:
    TestCatalog m_catalog;
    std::unique_ptr<ActivityRegistry> m_activity;
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn::test
