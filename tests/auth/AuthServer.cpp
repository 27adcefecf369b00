#include "AuthServer.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

QString AuthServer::start(std::optional<QSslConfiguration> tls)
{
    TestServerOptions options;
    options.config.tls = std::move(tls);
    options.scanFirst = true;
    options.auth = true;
    options.corsOrigins = {kCorsOrigin};
    options.trustedProxies = {u"127.0.0.1"_s};
    if (const QString error = TestServer::start(options); !error.isEmpty())
        return error;
    sharedFolderId = catalog().folderId(u"shared"_s);
    privateFolderId = catalog().folderId(u"private"_s);
    const auto make = [this](const QString &name, const QString &password, bool admin, QList<qint64> grants) {
        UserChanges c;
        c.name = name;
        c.password = password;
        c.admin = admin;
        c.folderIds = grants;
        return addUser(c);
    };
    rootId = make(u"root"_s, kRootPassword, true, {});
    aliceId = make(u"alice"_s, kAlicePassword, false, {sharedFolderId});
    bobId = make(u"bob"_s, kBobPassword, false, {privateFolderId});
    if (!rootId || !aliceId || !bobId)
        return u"cannot create users"_s;
    return {};
}

} // namespace cairn::test
