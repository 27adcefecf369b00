#pragma once
// A real Cairn backend with users, for auth tests: catalog and two library folders ("shared"
// and "private") in a temporary directory, one scan, an administrator "root", a user "alice"
// who may see only "shared", a user "bob" who may see only "private", and the server with the
// real auth guard on an ephemeral 127.0.0.1 port (127.0.0.1 is a trusted proxy, so tests can
// vary the client address with X-Forwarded-For).

#include "HttpTestClient.h"
#include "auth/Authenticator.h"
#include "auth/UserAdministration.h"
#include "auth/UserRevocations.h"
#include "catalog/Database.h"
#include "http/HttpServer.h"

#include <QTemporaryDir>

#include <memory>

namespace cairn::test {

inline const QString kRootPassword = QStringLiteral("root-Secret-1");
inline const QString kAlicePassword = QStringLiteral("alice-Pass-22");
inline const QString kBobPassword = QStringLiteral("bob-Pass-333");
inline const QString kCorsOrigin = QStringLiteral("https://player.example");

class AuthServer
{
public:
    AuthServer();
    ~AuthServer();

    // Media files go here before start().
    QString sharedDir() const { return m_dir.filePath(QStringLiteral("shared")); }
    QString privateDir() const { return m_dir.filePath(QStringLiteral("private")); }
    QString dataDir() const { return m_dir.path(); }
    QString catalogPath() const { return m_dir.filePath(QStringLiteral("catalog.sqlite")); }

    // Opens the catalog, scans, creates the users, starts the server. Empty on success.
    QString start(std::optional<QSslConfiguration> tls = std::nullopt);
    qint64 trackIdFor(const QString &fileName) const;

    Database &database() { return *m_db; }
    HttpServer &server() { return *m_server; }
    Authenticator &auth() { return *m_auth; }
    UserAdministration &users() { return *m_users; }
    quint16 port() const { return m_server->port(); }
    QByteArray secret() const { return m_secret; }
    qint64 rootId = 0, aliceId = 0, bobId = 0;
    qint64 sharedFolderId = 0, privateFolderId = 0;

    // A fresh token (no login round trip) valid for an hour.
    QByteArray tokenFor(qint64 userId);

private:
    QTemporaryDir m_dir;
    QByteArray m_secret;
    std::unique_ptr<Database> m_db;
    UserRevocations m_revocations;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<UserAdministration> m_users;
    std::unique_ptr<HttpServer> m_server;
};

// One request on a new connection. `body` is sent with Content-Length when not null.
RawResponse request(quint16 port, const QByteArray &method, const QByteArray &target,
                    const QList<QByteArray> &headers = {}, const QByteArray &body = {});
QByteArray bearer(const QByteArray &token);

} // namespace cairn::test
