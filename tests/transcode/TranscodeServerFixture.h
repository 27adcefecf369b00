#pragma once
// The transcode suites' backend: the one test server (tests/common/TestServer.h) with the
// transcode service (optionally with a cache and a low concurrency cap) and a user "limited"
// whose max bitrate is 128 kbit/s. Requests carrying "X-Test-Restricted: 1" see no folder;
// with "X-Test-User: limited" they come from that user.

#include "TestServer.h"
#include "transcode/TranscodeService.h"

namespace cairn::test {

class TranscodeServerFixture : public TestServer
{
public:
    QString cacheDir() const { return transcodeCacheDir(); }
    // Opens the catalog, builds the transcode service and starts the server ("" = ok).
    // `ffmpegProgram` replaces the real FFmpeg (tests of failures).
    QString start(int maxConcurrent = 4, bool withCache = false, const QString &ffmpegProgram = {});

    TranscodeService &transcoding() { return *TestServer::transcoding(); }

private:
    qint64 m_limitedUser = 0;
};

} // namespace cairn::test
