#pragma once
// The core services the desktop app wires together, for GUI tests: a real catalog in a
// temporary directory, a LibraryScanner on its own thread, and a started HttpServer on a
// free port. Construction failures are reported by error() (QVERIFY it in the test).

#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

namespace cairn {
class Database;
class HttpServer;
class LibraryScanner;
}

namespace cairn::test {

class AppHarness
{
public:
    AppHarness();
    ~AppHarness();
    AppHarness(const AppHarness &) = delete;
    AppHarness &operator=(const AppHarness &) = delete;

    QString error() const { return m_error; }   // empty when everything started
    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    Database &database() { return *m_db; }
    LibraryScanner &scanner() { return *m_scanner; }
    HttpServer &server() { return *m_server; }

private:
    QTemporaryDir m_dir;
    QString m_error;
    std::unique_ptr<Database> m_db;
    QThread m_scanThread;
    LibraryScanner *m_scanner = nullptr;   // lives on m_scanThread
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn::test
