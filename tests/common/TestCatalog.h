#pragma once
// The catalog under a test backend: catalogUnderTest() in a temporary directory with its library
// folders (by default one, "library"), scanned on the calling thread when the test asks.

#include "catalog/Database.h"
#include "scan/LibraryScanner.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace cairn::test {

// The catalog a suite runs against: the SQLite file `sqlitePath`, or, when the environment says
// CAIRN_TEST_CATALOG=postgresql (CTest's *_postgresql runs), a new database on a PostgreSQL
// server this process starts on first use and stops at its exit (or, when
// CAIRN_TEST_POSTGRESQL_URL names a database of a running server, a new database there).
CatalogLocation catalogUnderTest(const QString &sqlitePath);

class TestCatalog
{
public:
    // Creates the (empty) folders, directories of the temporary directory.
    explicit TestCatalog(const QStringList &folders = {QStringLiteral("library")});
    ~TestCatalog();

    // A path inside the temporary directory (caches, work folders).
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    QString dataDir() const { return m_dir.path(); }
    QString libraryDir() const { return filePath(QStringLiteral("library")); }
    QString libraryPath(const QString &name) const;

    // Opens the database and records the library folders; returns an error text, empty on success.
    QString open();
    // Runs a full scan on this thread; returns whether it finished.
    bool scan();
    // The id of the scanned track at `fileName` (relative to the library, or a bare file name); 0 if none.
    qint64 trackIdFor(const QString &fileName) const;

    Database &database() { return *m_db; }
    LibraryScanner &scanner() { return *m_scanner; }
    qint64 libraryFolderId() const { return m_folderIds.value(0); }   // the first folder's
    qint64 folderId(const QString &folder) const { return m_folderIds.value(m_folders.indexOf(folder)); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LibraryScanner> m_scanner;
    const QStringList m_folders;
    QList<qint64> m_folderIds;
};

} // namespace cairn::test
