#include "TranscodeServerFixture.h"

#include "http/HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

TranscodeServerFixture::TranscodeServerFixture() = default;

TranscodeServerFixture::~TranscodeServerFixture()
{
    stop();
}

void TranscodeServerFixture::stop()
{
    if (m_server)
        m_server->stop();
}

QString TranscodeServerFixture::start(int maxConcurrent, bool withCache, const QString &ffmpegProgram)
{
    if (const QString error = m_catalog.open(); !error.isEmpty())
        return error;
    TranscodeSettings settings;
    settings.maxConcurrent = maxConcurrent;
    if (!ffmpegProgram.isEmpty())
        settings.ffmpegProgram = ffmpegProgram;
    if (withCache)
        settings.cacheDirectory = cacheDir();
    m_transcoding = std::make_unique<TranscodeService>(m_catalog.database(), settings);

    HttpServerConfig config;
    config.port = 0;
    HttpServices services;
    services.database = &m_catalog.database();
    services.requestScan = [] {};
    services.isScanning = [] { return false; };
    services.transcoding = m_transcoding.get();
    m_users = std::make_unique<UserAdministration>(m_catalog.database(), m_revocations);
    UserChanges limited;
    limited.name = u"limited"_s;
    limited.password = u"limited-password"_s;
    limited.maxBitrate = 128;
    const Result<User> created = m_users->create(limited);
    if (!created)
        return created.error().message;
    m_limitedUser = created->id;
    services.users = m_users.get();
    services.guard = [limitedUser = m_limitedUser](const Route &, HttpExchange &ex) {
        const bool restricted = ex.request().header("x-test-restricted") == "1";
        const bool limited = ex.request().header("x-test-user") == "limited";
        ex.setIdentity({limited ? limitedUser : 0, limited ? u"limited"_s : u"tester"_s, !restricted,
                        restricted ? Visibility::folders({999}) : Visibility::everything()});
        return true;
    };
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return *error;
    return {};
}

} // namespace cairn::test
