#pragma once
// The suites' former names for the one test client (tests/common/TestHttpClient.h): raw request
// bytes on one kept-alive connection, responses parsed by Content-Length.

#include "TestHttpClient.h"

namespace cairn::test {

using RawResponse = TestHttpResponse;
using HttpTestClient = TestHttpClient;

} // namespace cairn::test
