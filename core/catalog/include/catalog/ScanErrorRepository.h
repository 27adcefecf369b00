#pragma once
// Files the scanner could not read, with the reason. Safe from any thread.

#include "catalog/ScanError.h"
#include "catalog/TrackRepository.h"

#include <QHash>
#include <QList>

namespace cairn {

class Database;

class ScanErrorRepository
{
public:
    explicit ScanErrorRepository(const Database &db) : m_db(db) {}

    QList<ScanError> list(int limit = 1000) const;
    qint64 count() const;
    void record(const QString &path, const QString &reason);   // replaces an older error for path
    // Also keeps the file's size and mtime, so an unchanged broken file is not read again.
    void record(const QString &path, const QString &reason, qint64 size, const QDateTime &mtime);
    void clear(const QString &path);
    // Errors for files under `rootPath`, keyed by path (trackId is 0).
    QHash<QString, FileStamp> stampsUnder(const QString &rootPath) const;

private:
    const Database &m_db;
};

} // namespace cairn
