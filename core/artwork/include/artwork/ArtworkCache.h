#pragma once
// Resized artwork on disk (and other small derived files: video thumbnails, WebVTT subtitles),
// one file per key, bounded in total size with least-recently-used eviction. Thread-safe. The
// index lives in memory (rebuilt from the directory at start, oldest file first), so a lookup
// costs no file-system call until the bytes are read.

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace cairn::artwork {

struct CachedImage
{
    QByteArray data;
    QByteArray mimeType;
};

class ArtworkCache
{
public:
    // `directory` is created if needed; `maxBytes` bounds the files' total size.
    ArtworkCache(QString directory, qint64 maxBytes);

    // `key` is any byte string naming the content (source identity + size); hashed for names.
    std::optional<CachedImage> find(const QByteArray &key);
    void store(const QByteArray &key, const CachedImage &image);
    // Whether `key` has an entry (the index only: no file is read).
    bool contains(const QByteArray &key) const;

    qint64 totalBytes() const;
    int entryCount() const;
    QString directory() const { return m_directory; }
    // The file a key is (or would be) stored in; tests look at it.
    QString filePathFor(const QByteArray &key, const QByteArray &mimeType) const;

private:
    struct Entry
    {
        QString fileName;
        qint64 bytes = 0;
        quint64 lastUse = 0;
    };
    static QByteArray nameOf(const QByteArray &key);
    void load();
    void evictLocked();

    const QString m_directory;
    const qint64 m_maxBytes;
    mutable QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;   // by hashed name
    qint64 m_totalBytes = 0;
    quint64 m_clock = 0;
};

} // namespace cairn::artwork
