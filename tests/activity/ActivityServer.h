#pragma once
// The activity suites' backend: the one test server (tests/common/TestServer.h) with generated
// WAV media, the ActivityRegistry and the MetricsRegistry wired as the runtime wires them, and
// a request guard that takes the caller's name from an `X-Test-User` header ("local" without
// one) so limits per user can be exercised with several identities.

#include "TestServer.h"
#include "activity/ActivityRegistry.h"
#include "activity/MetricsRegistry.h"

namespace cairn::test {

class ActivityServer : public TestServer
{
public:
    // Generates `seconds` of WAV audio per name (once), scans, starts the server.
    // Returns an error text, empty on success.
    QString start(const QStringList &wavNames, double seconds, HttpServerConfig config = {},
                  bool publicMetrics = false);

    qint64 trackId(const QString &fileName) const { return trackIdFor(fileName); }
    QByteArray downloadPath(const QString &fileName) const;

    ActivityRegistry &activity() { return *TestServer::activity(); }
    MetricsRegistry &metrics() { return *TestServer::metrics(); }
};

} // namespace cairn::test
