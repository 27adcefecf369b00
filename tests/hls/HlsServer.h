#pragma once
// A real Cairn server with HLS: catalog and library in a temporary directory, one scan, the
// transcode service with a cache, the activity registry, the HLS service and the HTTP server
// on an ephemeral port. Without users, "X-Test-User: alice|bob" picks the caller (default
// "tester", id 0); with users, the real auth guard and Authenticator run.

#include "TestCatalog.h"
#include "activity/ActivityRegistry.h"
#include "auth/Authenticator.h"
#include "auth/UserAdministration.h"
#include "auth/UserRevocations.h"
#include "catalog/Database.h"
#include "hls/HlsService.h"
#include "http/HttpServer.h"
#include "transcode/TranscodeService.h"

#include <memory>

namespace cairn::test {

struct HlsServerOptions
{
    HlsSettings hls;
    StreamLimits limits;
    bool withUsers = false;
    int maxTranscodes = 4;
};

class HlsServer
{
public:
    HlsServer();
    ~HlsServer();

    QString libraryPath(const QString &name) const { return m_catalog.libraryPath(name); }
    QString cacheDir() const { return m_catalog.filePath(QStringLiteral("transcodes")); }
    // Opens the catalog, scans the library, builds the services and starts the server ("" = ok).
    QString start(const HlsServerOptions &options = {});
    qint64 trackIdFor(const QString &fileName) const { return m_catalog.trackIdFor(fileName); }

    Database &database() { return m_catalog.database(); }
    ActivityRegistry &activity() { return *m_activity; }
    HlsService &hls() { return *m_hls; }
    Authenticator &auth() { return *m_auth; }
    quint16 port() const { return m_server->port(); }
    qint64 aliceId = 0;
    // A fresh bearer token for alice (with users only).
    QByteArray aliceToken();

private:
    TestCatalog m_catalog;
    std::unique_ptr<TranscodeService> m_transcoding;
    std::unique_ptr<ActivityRegistry> m_activity;
    UserRevocations m_revocations;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<UserAdministration> m_users;
    std::unique_ptr<HlsService> m_hls;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn::test
