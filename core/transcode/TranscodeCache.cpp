#include "transcode/TranscodeCache.h"

#include "TranscodeLog.h"
#include "base/OwnerOnly.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

const QString kPartSuffix = u".part"_s;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QString transcodeCacheKey(qint64 trackId, qint64 sourceSize, const QDateTime &sourceMtime, const OutputSpec &spec)
{
    const QString text = u"%1|%2|%3|%4|%5|%6|%7"_s.arg(trackId).arg(sourceSize).arg(sourceMtime.toMSecsSinceEpoch())
                             .arg(infoFor(spec.format).key).arg(spec.bitrateKbps).arg(spec.sampleRate).arg(spec.channels);
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(32));
}

CacheWriter::CacheWriter(TranscodeCache &cache, QString key, QString finalPath, std::unique_ptr<QFile> file)
    : m_cache(cache), m_key(std::move(key)), m_finalPath(std::move(finalPath)), m_file(std::move(file))
{
}

CacheWriter::~CacheWriter()
{
    if (m_file)
        m_file->remove();
}

bool CacheWriter::write(const char *data, qint64 size)
{
    if (m_failed || !m_file)
        return false;
    if (m_file->write(data, size) != size) {
        qCWarning(lcTranscode) << "transcode cache write failed:" << m_file->errorString();
        m_failed = true;
    }
    return !m_failed;
}

void CacheWriter::commit()
{
    if (!m_file || m_failed)
        return;
    m_file->close();
    if (m_file->error() != QFileDevice::NoError)
        return;
    const QString part = m_file->fileName();
    m_file.reset();
    m_cache.commit(m_key, part, m_finalPath);
}

TranscodeCache::TranscodeCache(QString directory, qint64 maxBytes)
    : m_dir(std::move(directory)), m_maxBytes(qMax<qint64>(0, maxBytes))
{
}

void TranscodeCache::load()
{
    QMutexLocker lock(&m_mutex);
    makeOwnerOnlyDir(m_dir);
    m_entries.clear();
    m_total = 0;
    QDirIterator it(m_dir, QDir::Files);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (info.fileName().endsWith(kPartSuffix)) {
            QFile::remove(info.filePath());   // a transcode that never finished
            continue;
        }
        const QString key = info.completeBaseName();
        const QDateTime used = qMax(info.lastRead(), info.lastModified());
        m_entries.insert(key, {info.filePath(), info.size(), used.toMSecsSinceEpoch()});
        m_total += info.size();
    }
    evictLocked();
}

std::optional<QString> TranscodeCache::lookup(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    if (!QFileInfo::exists(it->path)) {
        m_total -= it->size;
        m_entries.erase(it);
        return std::nullopt;
    }
    it->lastUsedMs = nowMs();
    // The access time, set explicitly, is the last-use record that survives a restart; the
    // modification time stays the commit time, so the entry's ETag never changes.
    QFile file(it->path);
    if (file.open(QIODevice::ReadOnly))
        file.setFileTime(QDateTime::fromMSecsSinceEpoch(it->lastUsedMs), QFileDevice::FileAccessTime);
    return it->path;
}

std::unique_ptr<CacheWriter> TranscodeCache::writer(const QString &key, const QString &extension)
{
    if (maxBytes() <= 0)
        return nullptr;
    makeOwnerOnlyDir(m_dir);
    const QString finalPath = QDir(m_dir).filePath(key + u'.' + extension);
    const QString part = QDir(m_dir).filePath(
        key + u'-' + QUuid::createUuid().toString(QUuid::Id128) + u'.' + extension + kPartSuffix);
    auto file = std::make_unique<QFile>(part);
    if (!openOwnerOnly(*file, QIODevice::WriteOnly)) {
        qCWarning(lcTranscode) << "cannot write to the transcode cache:" << file->errorString();
        return nullptr;
    }
    return std::unique_ptr<CacheWriter>(new CacheWriter(*this, key, finalPath, std::move(file)));
}

std::optional<QString> TranscodeCache::adopt(const QString &key, const QString &filePath, const QString &extension)
{
    if (maxBytes() <= 0)
        return std::nullopt;
    makeOwnerOnlyDir(m_dir);
    const QString finalPath = QDir(m_dir).filePath(key + u'.' + extension);
    const QString part = QDir(m_dir).filePath(
        key + u'-' + QUuid::createUuid().toString(QUuid::Id128) + u'.' + extension + kPartSuffix);
    if (!QFile::rename(filePath, part)) {
        if (!QFile::copy(filePath, part)) {
            QFile::remove(part);
            return std::nullopt;
        }
        QFile::remove(filePath);
    }
    restrictFileToOwner(part);   // made by another program, with that program's permissions
    commit(key, part, finalPath);
    QMutexLocker lock(&m_mutex);
    if (!m_entries.contains(key))
        return std::nullopt;   // evicted at once: larger than the whole budget
    return finalPath;
}

void TranscodeCache::commit(const QString &key, const QString &partPath, const QString &finalPath)
{
    QMutexLocker lock(&m_mutex);
    if (auto old = m_entries.find(key); old != m_entries.end()) {
        m_total -= old->size;
        m_entries.erase(old);
    }
    QFile::remove(finalPath);
    if (!QFile::rename(partPath, finalPath)) {
        QFile::remove(partPath);
        return;
    }
    const qint64 size = QFileInfo(finalPath).size();
    m_entries.insert(key, {finalPath, size, nowMs()});
    m_total += size;
    qCDebug(lcTranscode) << "cached" << finalPath << size << "bytes";
    evictLocked();
}

void TranscodeCache::evictLocked()
{
    while (m_total > m_maxBytes && !m_entries.isEmpty()) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->lastUsedMs < oldest->lastUsedMs)
                oldest = it;
        QFile::remove(oldest->path);
        m_total -= oldest->size;
        m_entries.erase(oldest);
    }
}

void TranscodeCache::setMaxBytes(qint64 maxBytes)
{
    QMutexLocker lock(&m_mutex);
    m_maxBytes = qMax<qint64>(0, maxBytes);
    evictLocked();
}

qint64 TranscodeCache::maxBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxBytes;
}

qint64 TranscodeCache::totalBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

int TranscodeCache::entryCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

void TranscodeCache::clear()
{
    QMutexLocker lock(&m_mutex);
    for (const Entry &e : std::as_const(m_entries))
        QFile::remove(e.path);
    m_entries.clear();
    m_total = 0;
}

} // namespace cairn
