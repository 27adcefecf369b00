#pragma once
// The transcode suites' view of the one test client (tests/common/TestHttpClient.h) for live
// bodies: any framing (Content-Length, chunked, connection close), optionally stopping after N
// body bytes with the connection kept open (a slow or leaving listener).

#include "TestHttpClient.h"

namespace cairn::test {

using LiveResponse = TestHttpResponse;

class LiveHttpClient : public TestHttpClient
{
public:
    // A bounded buffer: a listener that stops reading really stops (the server sees backpressure).
    explicit LiveHttpClient(quint16 port) : TestHttpClient(port, 64 * 1024) {}

    // Sends a GET (or HEAD) and reads the head and up to `maxBody` body bytes (-1 = all).
    LiveResponse request(const QByteArray &target, const QList<QByteArray> &headers = {}, qint64 maxBody = -1,
                         const QByteArray &method = "GET")
    {
        ReadOptions options;
        options.head = method == "HEAD";
        options.framing = Framing::Any;
        options.timeoutMs = -1;
        options.idleTimeoutMs = 30000;
        options.maxBody = maxBody;
        return TestHttpClient::request(method, target, headers, options);
    }
};

} // namespace cairn::test
