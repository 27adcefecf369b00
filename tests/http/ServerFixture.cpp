#include "ServerFixture.h"

namespace cairn::test {

ServerFixture::ServerFixture() = default;

ServerFixture::~ServerFixture()
{
    if (m_server)
        m_server->stop();
}

QString ServerFixture::start(HttpServerConfig config)
{
    if (const QString error = m_catalog.open(); !error.isEmpty())
        return error;
    config.port = 0;
    HttpServices services;
    services.database = &m_catalog.database();
    services.requestScan = [] {};
    services.isScanning = [] { return false; };
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return *error;
    return {};
}

} // namespace cairn::test
