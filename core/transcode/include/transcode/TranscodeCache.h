#pragma once
// Finished transcodes kept on disk, bounded in total size with least-recently-used eviction.
// An entry's name is derived from the track, its file's size and mtime and the resolved
// output, so a changed source never matches an old entry (which then ages out). Entries are
// written under a temporary name and renamed only once FFmpeg finished successfully: a
// partial transcode is never served as complete. Survives restarts (the directory is the
// index; file access times record last use). Thread-safe.

#include "transcode/FfmpegArguments.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

namespace cairn {

class TranscodeCache;

// Identifies one transcode of one version of a source file.
QString transcodeCacheKey(qint64 trackId, qint64 sourceSize, const QDateTime &sourceMtime, const OutputSpec &spec);

// Receives one transcode's bytes; discarded unless commit() is called.
class CacheWriter
{
public:
    ~CacheWriter();
    CacheWriter(const CacheWriter &) = delete;
    CacheWriter &operator=(const CacheWriter &) = delete;

    bool write(const char *data, qint64 size);   // false after a disk error (the entry is dropped)
    void commit();

private:
    friend class TranscodeCache;
    CacheWriter(TranscodeCache &cache, QString key, QString finalPath, std::unique_ptr<QFile> file);

    TranscodeCache &m_cache;
    QString m_key;
    QString m_finalPath;
    std::unique_ptr<QFile> m_file;
    bool m_failed = false;
};

class TranscodeCache
{
public:
    TranscodeCache(QString directory, qint64 maxBytes);

    // Reads the directory (entries left by an earlier run) and removes unfinished files.
    void load();
    // Path of a complete entry (marked as just used), or nullopt.
    std::optional<QString> lookup(const QString &key);
    // A writer for `key`, or nullptr when the cache is disabled (size 0) or not writable.
    std::unique_ptr<CacheWriter> writer(const QString &key, const QString &extension);
    // Moves a finished file (written elsewhere, e.g. by FFmpeg itself) into the cache as `key`.
    // Returns its new path, or nullopt when the cache is disabled or the move failed (the file
    // is then left where it was). Same file system = a rename; otherwise a copy.
    std::optional<QString> adopt(const QString &key, const QString &filePath, const QString &extension);

    void setMaxBytes(qint64 maxBytes);
    qint64 maxBytes() const;
    qint64 totalBytes() const;
    int entryCount() const;
    void clear();
    QString directory() const { return m_dir; }

private:
    friend class CacheWriter;
    struct Entry
    {
        QString path;
        qint64 size = 0;
        qint64 lastUsedMs = 0;
    };
    void commit(const QString &key, const QString &partPath, const QString &finalPath);
    void evictLocked();

    const QString m_dir;
    mutable QMutex m_mutex;
    qint64 m_maxBytes;
    qint64 m_total = 0;
    QHash<QString, Entry> m_entries;
};

} // namespace cairn
