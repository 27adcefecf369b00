#include "HlsServer.h"

#include "http/HttpExchange.h"
#include "http/auth/AuthGuard.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

HlsServer::HlsServer() = default;

HlsServer::~HlsServer()
{
    if (m_server)
        m_server->stop();
}

QString HlsServer::start(const HlsServerOptions &options)
{
    if (const QString error = m_catalog.open(); !error.isEmpty())
        return error;
    if (!m_catalog.scan())
        return u"the scan did not finish"_s;
    Database &db = m_catalog.database();

    TranscodeSettings transcode;
    transcode.maxConcurrent = options.maxTranscodes;
    transcode.cacheDirectory = cacheDir();
    m_transcoding = std::make_unique<TranscodeService>(db, transcode);
    m_activity = std::make_unique<ActivityRegistry>(&db);
    m_activity->setLimits(options.limits);
    HlsSettings hls = options.hls;
    hls.workDirectory = m_catalog.filePath(u"hls-work"_s);
    m_hls = std::make_unique<HlsService>(*m_transcoding, m_activity.get(), hls);

    HttpServerConfig config;
    config.port = 0;
    HttpServices services;
    services.database = &db;
    services.requestScan = [] {};
    services.isScanning = [] { return false; };
    services.transcoding = m_transcoding.get();
    services.activity = m_activity.get();
    services.hls = m_hls.get();
    if (options.withUsers) {
        m_auth = std::make_unique<Authenticator>(db, QByteArray(32, 'k'), m_revocations);
        m_users = std::make_unique<UserAdministration>(db, m_revocations);
        UserChanges alice;
        alice.name = u"alice"_s;
        alice.password = u"alice-Pass-22"_s;
        alice.folderIds = QList<qint64>{m_catalog.libraryFolderId()};
        const Result<User> created = m_users->create(alice);
        if (!created)
            return created.error().message;
        aliceId = created->id;
        services.auth = m_auth.get();
        services.users = m_users.get();
        services.guard = makeAuthGuard(*m_auth);
    } else {
        services.guard = [](const Route &, HttpExchange &ex) {
            const QByteArray who = ex.request().header("x-test-user");
            const qint64 id = who == "alice" ? 1 : who == "bob" ? 2 : 0;
            ex.setIdentity({id, who.isEmpty() ? u"tester"_s : QString::fromLatin1(who), true, Visibility::everything()});
            return true;
        };
    }
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return *error;
    return {};
}

QByteArray HlsServer::aliceToken()
{
    return m_auth->issueToken(aliceId, QDateTime::currentSecsSinceEpoch() + 3600);
}

} // namespace cairn::test
