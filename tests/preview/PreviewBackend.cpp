#include "PreviewBackend.h"

#include "http/HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

QString PreviewBackend::start()
{
    TestServerOptions options;
    options.previews = true;
    options.guard = [](const Route &, HttpExchange &ex) {
        const bool restricted = ex.request().header("x-test-restricted") == "1";
        ex.setIdentity({1, u"tester"_s, false, restricted ? Visibility::folders({999}) : Visibility::everything()});
        return true;
    };
    return TestServer::start(options);
}

} // namespace cairn::test
