#pragma once
// The auth suites' backend: the one test server (tests/common/TestServer.h) over two library
// folders ("shared" and "private"), scanned before it starts, with an administrator "root", a
// user "alice" who may see only "shared", a user "bob" who may see only "private", and the real
// auth guard (127.0.0.1 is a trusted proxy, so tests can vary the client address with
// X-Forwarded-For).

#include "HttpTestClient.h"
#include "TestServer.h"
#include "auth/Authenticator.h"
#include "auth/UserAdministration.h"

#include <optional>

namespace cairn::test {

inline const QString kRootPassword = QStringLiteral("root-Secret-1");
inline const QString kAlicePassword = QStringLiteral("alice-Pass-22");
inline const QString kBobPassword = QStringLiteral("bob-Pass-333");
inline const QString kCorsOrigin = QStringLiteral("https://player.example");

class AuthServer : public TestServer
{
public:
    AuthServer() : TestServer({QStringLiteral("shared"), QStringLiteral("private")}) {}

    // Media files go here before start().
    QString sharedDir() const { return filePath(QStringLiteral("shared")); }
    QString privateDir() const { return filePath(QStringLiteral("private")); }
    QString catalogPath() const { return filePath(QStringLiteral("catalog.sqlite")); }

    // Opens the catalog, scans, creates the users, starts the server. Empty on success.
    QString start(std::optional<QSslConfiguration> tls = std::nullopt);

    Authenticator &auth() { return *TestServer::auth(); }
    UserAdministration &users() { return *TestServer::users(); }
    QByteArray secret() const { return signingSecret(); }
    qint64 rootId = 0, aliceId = 0, bobId = 0;
    qint64 sharedFolderId = 0, privateFolderId = 0;
};


} // namespace cairn::test
