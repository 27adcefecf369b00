#include "ActivityServer.h"

#include "MediaFixtures.h"
#include "activity/CairnMetrics.h"
#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpExchange.h"
#include "scan/LibraryScanner.h"

#include <QDir>
#include <QFileInfo>

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
    const QString library = m_dir.filePath(u"library"_s);
    QDir().mkpath(library);
    for (const QString &name : wavNames) {
        const QString error = makeAudio(QDir(library).filePath(name), seconds, {{u"title"_s, name}});
        if (!error.isEmpty())
            return error;
    }
    m_db = std::make_unique<Database>(m_dir.filePath(u"catalog.sqlite"_s));
    if (const auto error = m_db->open())
        return *error;
    FolderRepository(*m_db).add(library);
    LibraryScanner(*m_db).scanNow();

    m_activity = std::make_unique<ActivityRegistry>(m_db.get());
    m_metrics = std::make_unique<MetricsRegistry>();
    addCairnMetrics(*m_metrics, *m_activity, m_db.get());

    HttpServices services;
    services.database = m_db.get();
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

qint64 ActivityServer::trackId(const QString &fileName) const
{
    const TrackPage page = TrackRepository(*m_db).list(0, 1000);
    for (const Track &t : page.items)
        if (QFileInfo(t.path).fileName() == fileName)
            return t.id;
    return 0;
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
