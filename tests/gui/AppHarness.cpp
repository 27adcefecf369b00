#include "AppHarness.h"

#include "scan/LibraryScanner.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

AppHarness::AppHarness()
{
    if (const QString failure = m_backend.open(); !failure.isEmpty()) {
        m_error = u"database: "_s + failure;
        return;
    }

    m_scanner = new LibraryScanner(m_backend.database());
    m_scanner->moveToThread(&m_scanThread);
    m_scanThread.setObjectName(u"scan"_s);
    m_scanThread.start();

    TestServerOptions options;
    options.config.workerThreads = 2;
    LibraryScanner *scanner = m_scanner;
    options.requestScan = [scanner] {
        scanner->requestScan();
    };
    options.isScanning = [scanner] { return scanner->isScanning(); };
    if (const QString failure = m_backend.start(options); !failure.isEmpty())
        m_error = u"http server: "_s + failure;
}

AppHarness::~AppHarness()
{
    m_backend.stop();   // no request reaches the scanner any more
    if (m_scanner)
        m_scanner->cancel();
    m_scanThread.quit();
    m_scanThread.wait();
    delete m_scanner;   // its thread has ended: nothing else can touch it now
}

} // namespace cairn::test
