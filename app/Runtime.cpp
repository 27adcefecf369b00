#include "Runtime.h"

#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "cairn.app")

namespace cairn {
namespace {
constexpr quint16 kDefaultPort = 8765;
} // namespace

Runtime::Runtime(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_dataDir = m_options.dataDir.isEmpty() ? defaultDataDir() : m_options.dataDir;
}

Runtime::~Runtime()
{
    if (m_server)
        m_server->stop();
    if (m_scanner) {
        m_scanner->cancel();
        m_scanThread.quit();
        m_scanThread.wait();
    }
}

QString Runtime::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

std::optional<QString> Runtime::start()
{
    if (!QDir().mkpath(m_dataDir))
        return tr("Cannot create the data directory %1").arg(m_dataDir);
    m_settings = std::make_unique<QSettings>(QDir(m_dataDir).filePath(u"cairn.ini"_s), QSettings::IniFormat);

    m_database = std::make_unique<Database>(QDir(m_dataDir).filePath(u"catalog.sqlite"_s));
    if (const auto error = m_database->open())
        return tr("Cannot open the catalog: %1").arg(*error);
    addLibraries();

    m_scanner = new LibraryScanner(*m_database);
    m_scanner->moveToThread(&m_scanThread);
    connect(&m_scanThread, &QThread::finished, m_scanner, &QObject::deleteLater);
    m_scanThread.setObjectName(u"scanner"_s);
    m_scanThread.start(QThread::LowPriority);

    HttpServerConfig config;
    config.port = m_options.port.value_or(quint16(m_settings->value(u"server/port"_s, kDefaultPort).toUInt()));
    config.bindAddress = m_options.bind.value_or(
        QHostAddress(m_settings->value(u"server/bind"_s, u"127.0.0.1"_s).toString()));
    if (config.bindAddress.isNull())
        config.bindAddress = QHostAddress::LocalHost;

    HttpServices services;
    services.database = m_database.get();
    LibraryScanner *scanner = m_scanner;
    services.requestScan = [scanner] {
        QMetaObject::invokeMethod(scanner, &LibraryScanner::scan, Qt::QueuedConnection);
    };
    services.isScanning = [scanner] { return scanner->isScanning(); };
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return error;

    services.requestScan();
    return std::nullopt;
}

void Runtime::addLibraries()
{
    FolderRepository folders(*m_database);
    for (const QString &path : std::as_const(m_options.libraries)) {
        if (!QFileInfo(path).isDir())
            qCWarning(lcApp) << "library folder" << path << "does not exist (yet); adding it anyway";
        folders.add(path);
    }
    // First run without --library: offer the user's music folder, once (removing it later sticks).
    if (m_options.libraries.isEmpty() && !m_settings->value(u"library/defaultAdded"_s).toBool()) {
        QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
        if (music.isEmpty())
            music = QDir(m_dataDir).filePath(u"Library"_s);
        QDir().mkpath(music);
        if (folders.list().isEmpty())
            folders.add(music);
        m_settings->setValue(u"library/defaultAdded"_s, true);
    }
}

} // namespace cairn
