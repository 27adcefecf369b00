#pragma once
// The HTTP suites' backend: the one test server (tests/common/TestServer.h) with no optional
// service, every caller the local administrator.

#include "TestServer.h"

namespace cairn::test {

class ServerFixture : public TestServer
{
public:
    // Opens the catalog and starts the server; returns an error text on failure.
    QString start(HttpServerConfig config = {})
    {
        TestServerOptions options;
        options.config = std::move(config);
        return TestServer::start(options);
    }
};

} // namespace cairn::test
