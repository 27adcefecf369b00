#include "TestCatalog.h"

#include "TestPostgres.h"

#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>

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

namespace {

// CAIRN_TEST_CATALOG=postgresql: each catalog is a new database on one server this process
// starts on first use (and stops at its exit).
std::optional<QString> postgresCatalogUrl(QString *error)
{
    if (qEnvironmentVariable("CAIRN_TEST_CATALOG") != u"postgresql"_s)
        return std::nullopt;
    static TestPostgres server;
    static int databases = 0;
    if (!server.isRunning() && !server.start()) {
        *error = server.error();
        return QString();
    }
    const QString url = server.createDatabase(u"catalog%1"_s.arg(++databases));
    if (url.isEmpty())
        *error = server.error();
    return url;
}

} // namespace

QString TestCatalog::open()
{
    QString error;
    if (const auto url = postgresCatalogUrl(&error)) {
        if (url->isEmpty())
            return error;
        m_db = std::make_unique<Database>(*CatalogLocation::parse(*url, {}));
    } else {
        m_db = std::make_unique<Database>(filePath(u"catalog.sqlite"_s));
    }
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
