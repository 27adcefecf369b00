#pragma once
// A real Cairn server with transcoding: catalog and library in a temporary directory, one
// scan, the transcode service (optionally with a cache and a low concurrency cap), the HTTP
// server on an ephemeral port. Requests carrying "X-Test-Restricted: 1" see no folder; with
// "X-Test-User: limited" they come from a user whose max bitrate is 128 kbit/s.

#include "TestCatalog.h"
#include "catalog/Database.h"
#include "http/HttpServer.h"
#include "auth/UserAdministration.h"
#include "auth/UserRevocations.h"
#include "transcode/TranscodeService.h"

#include <memory>

namespace cairn::test {

class TranscodeServerFixture
{
public:
    TranscodeServerFixture();
    ~TranscodeServerFixture();

    QString libraryPath(const QString &name) const { return m_catalog.libraryPath(name); }
    QString cacheDir() const { return m_catalog.filePath(QStringLiteral("transcodes")); }
    // Opens the catalog, builds the transcode service and starts the server ("" = ok).
    // `ffmpegProgram` replaces the real FFmpeg (tests of failures).
    QString start(int maxConcurrent = 4, bool withCache = false, const QString &ffmpegProgram = {});
    bool scan() { return m_catalog.scan(); }
    qint64 trackIdFor(const QString &fileName) const { return m_catalog.trackIdFor(fileName); }

    Database &database() { return m_catalog.database(); }
    TranscodeService &transcoding() { return *m_transcoding; }
    quint16 port() const { return m_server->port(); }
    void stop();

private:
    TestCatalog m_catalog;
    std::unique_ptr<TranscodeService> m_transcoding;
    UserRevocations m_revocations;
    std::unique_ptr<UserAdministration> m_users;
    qint64 m_limitedUser = 0;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn::test
