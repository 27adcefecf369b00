#pragma once
// Builds and owns Cairn's running core: settings, catalog, scanner thread and HTTP server.
// The same for the desktop app and --headless; the only place where services are wired.

#include "Options.h"

#include <QObject>
#include <QSettings>
#include <QThread>

#include <memory>
#include <optional>

namespace cairn {

class Database;
class HttpServer;
class LibraryScanner;

class Runtime : public QObject
{
    Q_OBJECT
public:
    explicit Runtime(Options options, QObject *parent = nullptr);
    ~Runtime() override;

    // Opens the catalog, applies --library, starts the scanner thread and the server, and
    // starts an (incremental) scan. Returns an error text when Cairn cannot run.
    std::optional<QString> start();

    QString dataDir() const { return m_dataDir; }
    QSettings &settings() { return *m_settings; }
    Database &database() { return *m_database; }
    LibraryScanner &scanner() { return *m_scanner; }
    HttpServer &server() { return *m_server; }

    static QString defaultDataDir();

private:
    void addLibraries();

    Options m_options;
    QString m_dataDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Database> m_database;
    QThread m_scanThread;
    LibraryScanner *m_scanner = nullptr;      // lives on m_scanThread
    std::unique_ptr<HttpServer> m_server;
};

} // namespace cairn
