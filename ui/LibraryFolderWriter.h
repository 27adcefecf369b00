#pragma once
// Adds and removes library folders on the scanner's thread, where the catalog's writes
// happen: the GUI thread never waits for SQLite's write lock or a large cascade delete.
// Lives on that thread; call its slots through queued connections and get the outcome back
// as signals.

#include <QObject>
#include <QString>

namespace cairn {

class Database;

class LibraryFolderWriter : public QObject
{
    Q_OBJECT
public:
    explicit LibraryFolderWriter(const Database &db);

public Q_SLOTS:
    void add(const QString &path);
    void remove(qint64 folderId);

Q_SIGNALS:
    void added(qint64 folderId, const QString &path);
    void addFailed(const QString &path);
    void removed(qint64 folderId, bool ok);

private:
    const Database &m_db;
};

} // namespace cairn
