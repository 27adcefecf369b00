#pragma once
// A real Cairn backend for tests: a catalog in a temporary directory, a library folder of
// generated media, one scan, and the HTTP server on an ephemeral 127.0.0.1 port.

#include "TestCatalog.h"
#include "catalog/Database.h"
#include "http/HttpServer.h"

#include <memory>

namespace cairn::test {

class ServerFixture
{
public:
    ServerFixture();
    ~ServerFixture();

    QString libraryDir() const { return m_catalog.libraryDir(); }
    QString libraryPath(const QString &name) const { return m_catalog.libraryPath(name); }
    // Opens the catalog and starts the server; returns an error text on failure.
    QString start(HttpServerConfig config = {});
    // Runs a full scan on this thread; returns whether it finished.
    bool scan() { return m_catalog.scan(); }
    qint64 trackIdFor(const QString &fileName) const { return m_catalog.trackIdFor(fileName); }

    Database &database() { return m_catalog.database(); }
    HttpServer &server() { return *m_server; }
    quint16 port() const { return m_server->port(); }

private:
    TestCatalog m_catalog;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn::test
