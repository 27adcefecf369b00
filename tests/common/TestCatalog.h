#pragma once
// The catalog under a test backend: a SQLite database in a temporary directory with one library
// folder ("library"), scanned on the calling thread when the test asks.

#include "catalog/Database.h"
#include "scan/LibraryScanner.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace cairn::test {

class TestCatalog
{
public:
    TestCatalog();   // creates the (empty) library folder
    ~TestCatalog();

    // A path inside the temporary directory (caches, work folders).
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    QString libraryDir() const { return filePath(QStringLiteral("library")); }
    QString libraryPath(const QString &name) const;

    // Opens the database and records the library folder; returns an error text, empty on success.
    QString open();
    // Runs a full scan on this thread; returns whether it finished.
    bool scan();
    // The id of the scanned track at `fileName` (relative to the library, or a bare file name); 0 if none.
    qint64 trackIdFor(const QString &fileName) const;

    Database &database() { return *m_db; }
    LibraryScanner &scanner() { return *m_scanner; }
    qint64 libraryFolderId() const { return m_folderId; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LibraryScanner> m_scanner;
    qint64 m_folderId = 0;
};

} // namespace cairn::test
