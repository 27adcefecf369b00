#include "artwork/ArtworkCache.h"

#include "ArtworkLog.h"
#include "base/OwnerOnly.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn::artwork {

namespace {

// What the cache holds: pictures, and the WebVTT text of subtitles (VideoSubtitles). JPEG
// is the default.
struct StoredType
{
    QLatin1StringView mimeType;
    QLatin1StringView extension;
};
constexpr StoredType kStoredTypes[] = {
    {"image/jpeg"_L1, ".jpg"_L1},
    {"image/png"_L1, ".png"_L1},
    {"text/vtt"_L1, ".vtt"_L1},
};

QString extensionFor(const QByteArray &mimeType)
{
    for (const StoredType &t : kStoredTypes)
        if (QByteArrayView(mimeType) == QByteArrayView(t.mimeType.data(), t.mimeType.size()))
            return t.extension;
    return kStoredTypes[0].extension;
}

QByteArray mimeTypeFor(const QString &fileName)
{
    for (const StoredType &t : kStoredTypes)
        if (fileName.endsWith(t.extension))
            return QByteArray(t.mimeType.data(), t.mimeType.size());
    return QByteArray(kStoredTypes[0].mimeType.data(), kStoredTypes[0].mimeType.size());
}

} // namespace

ArtworkCache::ArtworkCache(QString directory, qint64 maxBytes)
    : m_directory(std::move(directory)), m_maxBytes(qMax<qint64>(0, maxBytes))
{
    makeOwnerOnlyDir(m_directory);
    load();
}

QByteArray ArtworkCache::nameOf(const QByteArray &key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex();
}

QString ArtworkCache::filePathFor(const QByteArray &key, const QByteArray &mimeType) const
{
    return QDir(m_directory).filePath(QString::fromLatin1(nameOf(key)) + extensionFor(mimeType));
}

void ArtworkCache::load()
{
    // Oldest first, so they are the first evicted: the order of use before a restart.
    const QFileInfoList files = QDir(m_directory).entryInfoList(
        {u"*.jpg"_s, u"*.png"_s, u"*.vtt"_s}, QDir::Files, QDir::Time | QDir::Reversed);
    QMutexLocker lock(&m_mutex);
    for (const QFileInfo &file : files) {
        const QByteArray name = file.completeBaseName().toLatin1();
        if (name.size() != 40 || m_entries.contains(name))
            continue;
        m_entries.insert(name, {file.fileName(), file.size(), ++m_clock});
        m_totalBytes += file.size();
    }
    evictLocked();
}

bool ArtworkCache::contains(const QByteArray &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.contains(nameOf(key));
}

std::optional<CachedImage> ArtworkCache::find(const QByteArray &key)
{
    const QByteArray name = nameOf(key);
    QString fileName;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.find(name);
        if (it == m_entries.end())
            return std::nullopt;
        it->lastUse = ++m_clock;
        fileName = it->fileName;
    }
    QFile file(QDir(m_directory).filePath(fileName));
    if (!file.open(QIODevice::ReadOnly)) {
        // Removed behind our back (or evicted meanwhile): forget it.
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.find(name);
        if (it != m_entries.end() && it->fileName == fileName) {
            m_totalBytes -= it->bytes;
            m_entries.erase(it);
        }
        return std::nullopt;
    }
    return CachedImage{file.readAll(), mimeTypeFor(fileName)};
}

void ArtworkCache::store(const QByteArray &key, const CachedImage &image)
{
    if (image.data.isEmpty() || image.data.size() > m_maxBytes)
        return;
    const QByteArray name = nameOf(key);
    const QString fileName = QString::fromLatin1(name) + extensionFor(image.mimeType);
    QSaveFile file(QDir(m_directory).filePath(fileName));
    // QSaveFile creates its temporary file readable by all: it is made owner-only before a byte
    // is written (the folder is owner-only too, so nobody could open it meanwhile).
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(image.data) != image.data.size() || !file.commit()) {
        qCWarning(lcArtwork) << "cannot write to the artwork cache" << m_directory << file.errorString();
        return;
    }
    QMutexLocker lock(&m_mutex);
    const auto old = m_entries.constFind(name);
    if (old != m_entries.cend()) {
        m_totalBytes -= old->bytes;
        if (old->fileName != fileName)
            QFile::remove(QDir(m_directory).filePath(old->fileName));
    }
    m_entries.insert(name, {fileName, image.data.size(), ++m_clock});
    m_totalBytes += image.data.size();
    evictLocked();
}

void ArtworkCache::evictLocked()
{
    if (m_totalBytes <= m_maxBytes)
        return;
    // Down to 90%, so a full cache does not evict on every store.
    const qint64 goal = m_maxBytes - m_maxBytes / 10;
    QList<QPair<quint64, QByteArray>> byAge;
    byAge.reserve(m_entries.size());
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        byAge.append({it->lastUse, it.key()});
    std::sort(byAge.begin(), byAge.end());
    for (const auto &[lastUse, name] : std::as_const(byAge)) {
        if (m_totalBytes <= goal)
            break;
        const Entry entry = m_entries.take(name);
        QFile::remove(QDir(m_directory).filePath(entry.fileName));
        m_totalBytes -= entry.bytes;
    }
}

qint64 ArtworkCache::totalBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_totalBytes;
}

int ArtworkCache::entryCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

} // namespace cairn::artwork
