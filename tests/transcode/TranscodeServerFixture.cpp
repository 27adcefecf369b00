#include "TranscodeServerFixture.h"

#include "http/HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

QString TranscodeServerFixture::start(int maxConcurrent, bool withCache, const QString &ffmpegProgram)
{
    TestServerOptions options;
    options.transcoding = true;
    options.maxTranscodes = maxConcurrent;
    options.ffmpegQueueLength = 1;
    options.transcodeCache = withCache;
    options.ffmpegProgram = ffmpegProgram;
    options.users = true;
    // Runs only once requests arrive, after the user below exists.
    options.guard = [this](const Route &, HttpExchange &ex) {
        const bool restricted = ex.request().header("x-test-restricted") == "1";
        const bool limited = ex.request().header("x-test-user") == "limited";
        ex.setIdentity({limited ? m_limitedUser : 0, limited ? u"limited"_s : u"tester"_s, !restricted,
                        restricted ? Visibility::folders({999}) : Visibility::everything()});
        return true;
    };
    if (const QString error = TestServer::start(options); !error.isEmpty())
        return error;
    UserChanges limited;
    limited.name = u"limited"_s;
    limited.password = u"limited-password"_s;
    limited.maxBitrate = 128;
    m_limitedUser = addUser(limited);
    return m_limitedUser ? QString() : u"cannot create the user \"limited\""_s;
}

} // namespace cairn::test
