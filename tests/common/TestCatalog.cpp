#include "TestCatalog.h"

#include "TestPostgres.h"

#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

TestCatalog::TestCatalog(const QStringList &folders) : m_folders(folders)
{
    for (const QString &folder : m_folders)
        QDir(m_dir.path()).mkpath(folder);
}

TestCatalog::~TestCatalog() = default;

QString TestCatalog::libraryPath(const QString &name) const
{
    return QDir(libraryDir()).filePath(name);
}

CatalogLocation catalogUnderTest(const QString &sqlitePath)
{
    if (qEnvironmentVariable("CAIRN_TEST_CATALOG") != u"postgresql"_s)
        return CatalogLocation::sqlite(sqlitePath);
    // A server of the developer's (its log shows each failed statement): a database is made there.
    if (const QString existing = qEnvironmentVariable("CAIRN_TEST_POSTGRESQL_URL"); !existing.isEmpty()) {
        static int made = 0;
        const QString name = u"cairn_test_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++made);
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, u"cairn-test-admin"_s);
            const auto location = *CatalogLocation::parse(existing, {});
            admin.setHostName(location.host);
            admin.setPort(location.port);
            admin.setUserName(location.user);
            admin.setPassword(location.password);
            admin.setDatabaseName(location.database);
            QSqlQuery create(admin);
            if (!admin.open() || !create.exec(u"CREATE DATABASE "_s + name))
                qFatal("cannot create a database on CAIRN_TEST_POSTGRESQL_URL: %s", qPrintable(admin.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"cairn-test-admin"_s);
        QString url = existing.section(u'?', 0, 0);
        return *CatalogLocation::parse(url.left(url.lastIndexOf(u'/') + 1) + name, {});
    }
    static TestPostgres server;
    static int databases = 0;
    if (!server.isRunning() && !server.start())
        qFatal("CAIRN_TEST_CATALOG=postgresql, but the server did not start: %s", qPrintable(server.error()));
    const QString url = server.createDatabase(u"catalog%1"_s.arg(++databases));
    if (url.isEmpty())
        qFatal("cannot create a PostgreSQL catalog: %s", qPrintable(server.error()));
    return *CatalogLocation::parse(url, {});
}

QString TestCatalog::open()
{
    m_db = std::make_unique<Database>(catalogUnderTest(filePath(u"catalog.sqlite"_s)));
    if (const auto error = m_db->open())
        return *error;
    m_folderIds.clear();
    for (const QString &name : m_folders) {
        const auto folder = FolderRepository(*m_db).add(filePath(name));
        if (!folder)
            return u"cannot add the library folder"_s;
        m_folderIds << folder->id;
    }
    m_scanner = std::make_unique<LibraryScanner>(*m_db);
    return {};
}

bool TestCatalog::scan()
{
    QSignalSpy finished(m_scanner.get(), &LibraryScanner::scanFinished);
    m_scanner->scanNow();
    return finished.count() == 1;
}

qint64 TestCatalog::trackIdFor(const QString &fileName) const
{
    const QString path = QFileInfo(libraryPath(fileName)).absoluteFilePath();
    const TrackPage page = TrackRepository(*m_db).list(0, 10000);
    for (const Track &t : page.items)
        if (t.path == path || QFileInfo(t.path).fileName() == fileName)
            return t.id;
    return 0;
}

} // namespace cairn::test
