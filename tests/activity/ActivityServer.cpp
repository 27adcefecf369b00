#include "ActivityServer.h"

#include "MediaFixtures.h"
#include "http/HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

QString ActivityServer::start(const QStringList &wavNames, double seconds, HttpServerConfig config, bool publicMetrics)
{
    for (const QString &name : wavNames) {
        const QString error = makeAudio(libraryPath(name), seconds, {{u"title"_s, name}});
        if (!error.isEmpty())
            return error;
    }
    TestServerOptions options;
    options.config = std::move(config);
    options.scanFirst = true;
    options.metrics = true;
    options.publicMetrics = publicMetrics;
    options.guard = [](const Route &, HttpExchange &ex) {
        const QString name = QString::fromUtf8(ex.request().header("x-test-user"));
        ex.setIdentity({name.isEmpty() ? 0 : qint64(qHash(name) % 1000) + 1, name.isEmpty() ? u"local"_s : name, true,
                        Visibility::everything()});
        return true;
    };
    return TestServer::start(options);
}

QByteArray ActivityServer::downloadPath(const QString &fileName) const
{
    return "/api/tracks/" + QByteArray::number(trackId(fileName)) + "/download";
}

} // namespace cairn::test
