#include "AppHarness.h"

#include "catalog/Database.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

AppHarness::AppHarness()
{
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary directory"_s;
        return;
    }
    m_db = std::make_unique<Database>(m_dir.filePath(u"catalog.sqlite"_s));
    if (const auto failure = m_db->open()) {
        m_error = u"database: "_s + *failure;
        return;
    }

    m_scanner = new LibraryScanner(*m_db);
    m_scanner->moveToThread(&m_scanThread);
    m_scanThread.setObjectName(u"scan"_s);
    m_scanThread.start();

    HttpServerConfig config;
    config.port = 0;
    config.workerThreads = 2;
    HttpServices services;
    services.database = m_db.get();
    LibraryScanner *scanner = m_scanner;
    services.requestScan = [scanner] {
        QMetaObject::invokeMethod(scanner, &LibraryScanner::scan, Qt::QueuedConnection);
    };
    services.isScanning = [scanner] { return scanner->isScanning(); };
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto failure = m_server->start())
        m_error = u"http server: "_s + *failure;
}

AppHarness::~AppHarness()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    if (m_scanner)
        m_scanner->cancel();
    m_scanThread.quit();
    m_scanThread.wait();
    delete m_scanner;   // its thread has ended: nothing else can touch it now
}

} // namespace cairn::test
