#pragma once
// A real Cairn server with transcoding: catalog and library in a temporary directory, one
// scan, the transcode service (optionally with a cache and a low concurrency cap), the HTTP
// server on an ephemeral port. Requests carrying "X-Test-Restricted: 1" see no folder; with
// "X-Test-User: limited" they come from a user whose max bitrate is 128 kbit/s.

#include "catalog/Database.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"
#include "auth/UserAdministration.h"
#include "auth/UserRevocations.h"
#include "transcode/TranscodeService.h"

#include <QTemporaryDir>

#include <memory>

namespace cairn::test {

class TranscodeServerFixture
{
public:
    TranscodeServerFixture();
    ~TranscodeServerFixture();

    QString libraryPath(const QString &name) const;
    QString cacheDir() const { return m_dir.filePath(QStringLiteral("transcodes")); }
    // Opens the catalog, builds the transcode service and starts the server ("" = ok).
    // `ffmpegProgram` replaces the real FFmpeg (tests of failures).
    QString start(int maxConcurrent = 4, bool withCache = false, const QString &ffmpegProgram = {});
    bool scan();
    qint64 trackIdFor(const QString &fileName) const;

    Database &database() { return *m_db; }
    TranscodeService &transcoding() { return *m_transcoding; }
    quint16 port() const { return m_server->port(); }
    void stop();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LibraryScanner> m_scanner;
    std::unique_ptr<TranscodeService> m_transcoding;
    UserRevocations m_revocations;
    std::unique_ptr<UserAdministration> m_users;
    qint64 m_limitedUser = 0;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn::test
