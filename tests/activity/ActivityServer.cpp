#include "ActivityServer.h"

#include "MediaFixtures.h"
#include "activity/CairnMetrics.h"
#include "http/HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

ActivityServer::ActivityServer() = default;

ActivityServer::~ActivityServer()
{
    stop();
}

void ActivityServer::stop()
{
    // Streams end with their connections: before the registry goes.
    if (m_server)
        m_server->stop();
}

QString ActivityServer::start(const QStringList &wavNames, double seconds, HttpServerConfig config, bool publicMetrics)
{
    for (const QString &name : wavNames) {
        const QString error = makeAudio(m_catalog.libraryPath(name), seconds, {{u"title"_s, name}});
        if (!error.isEmpty())
            return error;
    }
    if (const QString error = m_catalog.open(); !error.isEmpty())
        return error;
    if (!m_catalog.scan())
        return u"the scan did not finish"_s;
    Database &db = m_catalog.database();

    m_activity = std::make_unique<ActivityRegistry>(&db);
    m_metrics = std::make_unique<MetricsRegistry>();
    addCairnMetrics(*m_metrics, *m_activity, &db);

    HttpServices services;
    services.database = &db;
    services.requestScan = [] {};
    services.isScanning = [] { return false; };
    services.activity = m_activity.get();
    services.metrics = m_metrics.get();
    services.publicMetrics = publicMetrics;
    services.guard = [](const Route &, HttpExchange &ex) {
        const QString name = QString::fromUtf8(ex.request().header("x-test-user"));
        ex.setIdentity({name.isEmpty() ? 0 : qint64(qHash(name) % 1000) + 1, name.isEmpty() ? u"local"_s : name, true,
                        Visibility::everything()});
        return true;
    };
    config.port = 0;
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return *error;
    return {};
}

QByteArray ActivityServer::streamPath(const QString &fileName) const
{
    return "/api/tracks/" + QByteArray::number(trackId(fileName)) + "/stream";
}

QByteArray ActivityServer::downloadPath(const QString &fileName) const
{
    return "/api/tracks/" + QByteArray::number(trackId(fileName)) + "/download";
}

} // namespace cairn::test
