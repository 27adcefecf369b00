#include "HlsServer.h"

#include "http/HttpExchange.h"
#include "http/Router.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

QString HlsServer::start(const HlsServerOptions &options)
{
    TestServerOptions server;
    server.scanFirst = true;
    server.hls = true;
    server.hlsSettings = options.hls;
    server.limits = options.limits;
    server.maxTranscodes = options.maxTranscodes;
    server.ffmpegQueueLength = options.ffmpegQueueLength;
    server.ffmpegQueueTimeoutMs = options.ffmpegQueueTimeoutMs;
    server.optimised = options.optimised;
    server.optimisedStoreBytes = options.optimisedStoreBytes;
    server.optimiseSettings = options.optimise;
    if (options.withUsers) {
        server.auth = true;
        server.signingSecret = QByteArray(32, 'k');
    } else {
        server.guard = [](const Route &route, HttpExchange &ex) {
            const QByteArray who = ex.request().header("x-test-user");
            const qint64 id = who == "alice" ? 1 : who == "bob" ? 2 : who == "viewer" ? 3 : 0;
            const bool admin = who != "viewer";
            if (route.access == Access::Admin && !admin) {
                ex.fail(DomainError::forbidden(u"administrators only"_s));
                return false;
            }
            ex.setIdentity({id, who.isEmpty() ? u"tester"_s : QString::fromLatin1(who), admin, Visibility::everything()});
            return true;
        };
    }
    if (const QString error = TestServer::start(server); !error.isEmpty() || !options.withUsers)
        return error;
    UserChanges alice;
    alice.name = u"alice"_s;
    alice.password = u"alice-Pass-22"_s;
    alice.folderIds = QList<qint64>{libraryFolderId()};
    aliceId = addUser(alice);
    UserChanges bob = alice;
    bob.name = u"bob"_s;
    bob.password = u"bob-Pass-2222"_s;
    bobId = addUser(bob);
    return aliceId && bobId ? QString() : u"cannot create the users \"alice\" and \"bob\""_s;
}

} // namespace cairn::test
