#include "HlsServer.h"

#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpExchange.h"
#include "http/auth/AuthGuard.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

HlsServer::HlsServer()
{
    QDir(m_dir.path()).mkpath(u"library"_s);
}

HlsServer::~HlsServer()
{
    if (m_server)
        m_server->stop();
}

QString HlsServer::libraryPath(const QString &name) const
{
    return QDir(m_dir.filePath(u"library"_s)).filePath(name);
}

QString HlsServer::start(const HlsServerOptions &options)
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"catalog.sqlite"_s));
    if (const auto error = m_db->open())
        return *error;
    const auto folder = FolderRepository(*m_db).add(m_dir.filePath(u"library"_s));
    if (!folder)
        return u"cannot add the library folder"_s;
    LibraryScanner scanner(*m_db);
    QSignalSpy finished(&scanner, &LibraryScanner::scanFinished);
    scanner.scanNow();
    if (finished.count() != 1)
        return u"the scan did not finish"_s;

    TranscodeSettings transcode;
    transcode.maxConcurrent = options.maxTranscodes;
    transcode.cacheDirectory = cacheDir();
    m_transcoding = std::make_unique<TranscodeService>(*m_db, transcode);
    m_activity = std::make_unique<ActivityRegistry>(m_db.get());
    m_activity->setLimits(options.limits);
    HlsSettings hls = options.hls;
    hls.workDirectory = m_dir.filePath(u"hls-work"_s);
    m_hls = std::make_unique<HlsService>(*m_transcoding, m_activity.get(), hls);

    HttpServerConfig config;
    config.port = 0;
    HttpServices services;
    services.database = m_db.get();
    services.requestScan = [] {};
    services.isScanning = [] { return false; };
    services.transcoding = m_transcoding.get();
    services.activity = m_activity.get();
    services.hls = m_hls.get();
    if (options.withUsers) {
        m_auth = std::make_unique<Authenticator>(*m_db, QByteArray(32, 'k'), m_revocations);
        m_users = std::make_unique<UserAdministration>(*m_db, m_revocations);
        UserChanges alice;
        alice.name = u"alice"_s;
        alice.password = u"alice-Pass-22"_s;
        alice.folderIds = QList<qint64>{folder->id};
        const UserResult created = m_users->create(alice);
        if (const auto *error = std::get_if<UserError>(&created))
            return error->message;
        aliceId = std::get<User>(created).id;
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

qint64 HlsServer::trackIdFor(const QString &fileName) const
{
    const TrackPage page = TrackRepository(*m_db).list(0, 10000);
    for (const Track &t : page.items)
        if (QFileInfo(t.path).fileName() == fileName)
            return t.id;
    return 0;
}

QByteArray HlsServer::aliceToken()
{
    return m_auth->issueToken(aliceId, QDateTime::currentSecsSinceEpoch() + 3600);
}

} // namespace cairn::test
