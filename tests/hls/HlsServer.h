#pragma once
// The HLS suite's backend: the one test server (tests/common/TestServer.h), scanned before it
// starts, with the transcode service and its cache, the activity registry and the HLS service.
// Without users, "X-Test-User: alice|bob|viewer" picks the caller (default "tester", id 0; all
// administrators but "viewer"); with
// users, the real auth guard and Authenticator run and "alice" may see the library.

#include "TestServer.h"
#include "activity/ActivityRegistry.h"
#include "auth/Authenticator.h"
#include "hls/HlsService.h"

namespace cairn::test {

// Most of the suite opens dozens of sessions as one caller: no caps on sessions and streams
// per user unless a test asks for them (the defaults are tested on their own).
inline StreamLimits uncappedLimits()
{
    StreamLimits limits;
    limits.maxStreamsPerUser = 0;
    limits.maxHlsSessionsPerUser = 0;
    return limits;
}

struct HlsServerOptions
{
    HlsSettings hls;
    StreamLimits limits = uncappedLimits();
    bool withUsers = false;
    int maxTranscodes = 4;
    int ffmpegQueueLength = 64;
    int ffmpegQueueTimeoutMs = 30000;
    bool optimised = false;            // the optimised store and its background queue
    qint64 optimisedStoreBytes = 1LL << 30;
    OptimiseSettings optimise;
};

class HlsServer : public TestServer
{
public:
    QString cacheDir() const { return transcodeCacheDir(); }
    // Opens the catalog, scans the library, builds the services and starts the server ("" = ok).
    QString start(const HlsServerOptions &options = {});

    ActivityRegistry &activity() { return *TestServer::activity(); }
    HlsService &hls() { return *TestServer::hls(); }
    Authenticator &auth() { return *TestServer::auth(); }
    qint64 aliceId = 0;
    qint64 bobId = 0;
    // Fresh bearer tokens for alice and bob, who may both see the library (with users only).
    QByteArray aliceToken() { return tokenFor(aliceId); }
    QByteArray bobToken() { return tokenFor(bobId); }
};

} // namespace cairn::test
