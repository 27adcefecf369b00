#pragma once
// The video preview suite's backend: the one test server (tests/common/TestServer.h) with the
// transcode service and its cache and the preview service. Requests carrying
// "X-Test-Restricted: 1" see no folder.

#include "TestServer.h"
#include "preview/VideoPreviews.h"

namespace cairn::test {

class PreviewBackend : public TestServer
{
public:
    // Opens the catalog, builds the services and starts the server ("" = ok).
    QString start();

    VideoPreviews &previews() { return *TestServer::previews(); }
};

} // namespace cairn::test
