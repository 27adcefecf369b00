#include "ServerFixture.h"

#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

ServerFixture::ServerFixture()
{
    QDir(m_dir.path()).mkpath(u"library"_s);
}

ServerFixture::~ServerFixture()
{
    if (m_server)
        m_server->stop();
}

QString ServerFixture::libraryPath(const QString &name) const
{
    return QDir(libraryDir()).filePath(name);
}

QString ServerFixture::start(HttpServerConfig config)
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"catalog.sqlite"_s));
    if (const auto error = m_db->open())
        return *error;
    FolderRepository(*m_db).add(libraryDir());
    m_scanner = std::make_unique<LibraryScanner>(*m_db);
    config.port = 0;
    HttpServices services;
    services.database = m_db.get();
    services.requestScan = [] {};
    services.isScanning = [] { return false; };
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return *error;
    return {};
}

bool ServerFixture::scan()
{
    QSignalSpy finished(m_scanner.get(), &LibraryScanner::scanFinished);
    m_scanner->scanNow();
    return finished.count() == 1;
}

qint64 ServerFixture::trackIdFor(const QString &fileName) const
{
    const QString path = QFileInfo(libraryPath(fileName)).absoluteFilePath();
    const TrackPage page = TrackRepository(*m_db).list(0, 10000);
    for (const Track &t : page.items)
        if (t.path == path || QFileInfo(t.path).fileName() == fileName)
            return t.id;
    return 0;
}

} // namespace cairn::test
