#pragma once
// A real Cairn backend for tests: a catalog in a temporary directory, a library folder of
// generated media, one scan, and the HTTP server on an ephemeral 127.0.0.1 port.

#include "catalog/Database.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QTemporaryDir>

#include <memory>

namespace cairn::test {

class ServerFixture
{
public:
    ServerFixture();
    ~ServerFixture();

    QString libraryDir() const { return m_dir.filePath(QStringLiteral("library")); }
    QString libraryPath(const QString &name) const;
    // Opens the catalog and starts the server; returns an error text on failure.
    QString start(HttpServerConfig config = {});
    // Runs a full scan on this thread; returns whether it finished.
    bool scan();
    qint64 trackIdFor(const QString &fileName) const;

    Database &database() { return *m_db; }
    HttpServer &server() { return *m_server; }
    quint16 port() const { return m_server->port(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LibraryScanner> m_scanner;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn::test
