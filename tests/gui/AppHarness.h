#pragma once
// The core services the desktop app wires together, for GUI tests: the one test server
// (tests/common/TestServer.h) with an empty catalog, a LibraryScanner on its own thread behind
// the scan routes, and two HTTP workers. Construction failures are reported by error()
// (QVERIFY it in the test).

#include "TestServer.h"

#include <QString>
#include <QThread>

namespace cairn::test {

class AppHarness
{
public:
    AppHarness();
    ~AppHarness();
    AppHarness(const AppHarness &) = delete;
    AppHarness &operator=(const AppHarness &) = delete;

    QString error() const { return m_error; }   // empty when everything started
    QString path(const QString &relative) const { return m_backend.filePath(relative); }

    Database &database() { return m_backend.database(); }
    LibraryScanner &scanner() { return *m_scanner; }
    HttpServer &server() { return m_backend.server(); }

private:
    TestServer m_backend{QStringList{}};   // no library folder: the tests add theirs
    QString m_error;
    QThread m_scanThread;
    LibraryScanner *m_scanner = nullptr;   // lives on m_scanThread
};

} // namespace cairn::test
