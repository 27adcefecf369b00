#include "AuthServer.h"

#include "auth/SigningSecret.h"
#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "http/auth/AuthGuard.h"
#include "scan/LibraryScanner.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

AuthServer::AuthServer()
{
    QDir(m_dir.path()).mkpath(u"shared"_s);
    QDir(m_dir.path()).mkpath(u"private"_s);
}

AuthServer::~AuthServer()
{
    if (m_server)
        m_server->stop();
}

QString AuthServer::start(std::optional<QSslConfiguration> tls)
{
    m_db = std::make_unique<Database>(catalogPath());
    if (const auto error = m_db->open())
        return *error;
    FolderRepository folders(*m_db);
    sharedFolderId = folders.add(sharedDir())->id;
    privateFolderId = folders.add(privateDir())->id;
    LibraryScanner scanner(*m_db);
    QSignalSpy finished(&scanner, &LibraryScanner::scanFinished);
    scanner.scanNow();
    if (finished.count() != 1)
        return u"scan did not finish"_s;

    const auto secret = loadOrCreateSigningSecret(m_dir.path());
    if (!secret)
        return u"no signing secret"_s;
    m_secret = *secret;
    m_auth = std::make_unique<Authenticator>(*m_db, m_secret, m_revocations);
    m_users = std::make_unique<UserAdministration>(*m_db, m_revocations);
    const auto make = [this](const QString &name, const QString &password, bool admin, QList<qint64> grants) -> qint64 {
        UserChanges c;
        c.name = name;
        c.password = password;
        c.admin = admin;
        c.folderIds = grants;
        const Result<User> r = m_users->create(c);
        return r ? r->id : 0;
    };
    rootId = make(u"root"_s, kRootPassword, true, {});
    aliceId = make(u"alice"_s, kAlicePassword, false, {sharedFolderId});
    bobId = make(u"bob"_s, kBobPassword, false, {privateFolderId});
    if (!rootId || !aliceId || !bobId)
        return u"cannot create users"_s;

    HttpServerConfig config;
    config.port = 0;
    config.tls = std::move(tls);
    HttpServices services;
    services.database = m_db.get();
    services.requestScan = [] {};
    services.isScanning = [] { return false; };
    services.auth = m_auth.get();
    services.users = m_users.get();
    services.corsOrigins = {kCorsOrigin};
    services.guard = makeAuthGuard(*m_auth, CorsPolicy(services.corsOrigins));
    services.trustedProxies = parseTrustedProxies({u"127.0.0.1"_s});
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return *error;
    return {};
}

qint64 AuthServer::trackIdFor(const QString &fileName) const
{
    const TrackPage page = TrackRepository(*m_db).list(0, 10000);
    for (const Track &t : page.items)
        if (QFileInfo(t.path).fileName() == fileName)
            return t.id;
    return 0;
}

QByteArray AuthServer::tokenFor(qint64 userId)
{
    return m_auth->issueToken(userId, QDateTime::currentSecsSinceEpoch() + 3600);
}

RawResponse request(quint16 port, const QByteArray &method, const QByteArray &target,
                    const QList<QByteArray> &headers, const QByteArray &body)
{
    HttpTestClient client(port);
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const QByteArray &h : headers)
        raw += h + "\r\n";
    if (!body.isNull())
        raw += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    raw += "\r\n" + body;
    client.send(raw);
    return client.read(method == "HEAD");
}

QByteArray bearer(const QByteArray &token)
{
    return "Authorization: Bearer " + token;
}

} // namespace cairn::test
