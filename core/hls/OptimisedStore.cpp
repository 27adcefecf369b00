#include "hls/OptimisedStore.h"

#include "hls/SegmentKey.h"

#include "HlsLog.h"
#include "base/OwnerOnly.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

const QString kManifestName = u"version.json"_s;
const QString kWorkName = u"work"_s;
constexpr qint64 kMaxManifestBytes = 64 * 1024;

} // namespace

QString optimisedSegmentName(int index, SegmentFormat format)
{
    return index == kInitSegment ? u"init.mp4"_s : QString::number(index) + u'.' + segmentExtension(format);
}

OptimisedStore::OptimisedStore(QString directory, qint64 maxBytes) : m_dir(std::move(directory)), m_maxBytes(maxBytes)
{
}

bool OptimisedStore::isVersionId(const QString &text)
{
    // variantVersionKey(): 'v' and 32 hex digits. Anything else never names a directory.
    if (text.size() != 33 || text.front() != u'v')
        return false;
    for (qsizetype i = 1; i < text.size(); ++i)
        if (!((text[i] >= u'0' && text[i] <= u'9') || (text[i] >= u'a' && text[i] <= u'f')))
            return false;
    return true;
}

QString OptimisedStore::versionDirectory(const QString &versionId) const
{
    return QDir(m_dir).filePath(versionId);
}

QString OptimisedStore::workDirectory(const QString &versionId) const
{
    return QDir(versionDirectory(versionId)).filePath(kWorkName);
}

QList<OptimisedVersion> OptimisedStore::load()
{
    makeOwnerOnlyDir(m_dir);
    QList<OptimisedVersion> versions;
    QHash<QString, qint64> bytes;
    const QFileInfoList dirs = QDir(m_dir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &dirInfo : dirs) {
        const QString id = dirInfo.fileName();
        QDir dir(dirInfo.filePath());
        QFile file(dir.filePath(kManifestName));
        std::optional<OptimisedVersion> version;
        if (isVersionId(id) && file.open(QIODevice::ReadOnly) && file.size() <= kMaxManifestBytes)
            version = versionFromManifest(QJsonDocument::fromJson(file.readAll()).object());
        // A manifest naming another version than its directory was not written by us.
        if (!version || version->id != id
            || variantVersionKey(version->source, version->variant(), version->x264Preset) != id) {
            qCWarning(lcHls).noquote() << "removing" << dirInfo.filePath() << ": not an optimised version";
            dir.removeRecursively();
            continue;
        }
        QDir(dir.filePath(kWorkName)).removeRecursively();   // a segment FFmpeg had not finished
        qint64 total = 0;
        for (const QFileInfo &f : dir.entryInfoList(QDir::Files))
            if (f.fileName() != kManifestName)   // counted as while it was made: segments only
                total += f.size();
        for (int i = 0; i < version->segmentCount(); ++i)
            if (QFileInfo::exists(dir.filePath(optimisedSegmentName(i, version->source.format))))
                ++version->segmentsDone;
        version->bytes = total;
        bytes.insert(id, total);
        versions << *version;
    }
    QMutexLocker lock(&m_mutex);
    m_bytes = std::move(bytes);
    return versions;
}

std::optional<QString> OptimisedStore::lookup(const HlsSessionSource &source, const HlsVariant &variant, int index,
                                              const QString &x264Preset) const
{
    if (variant.passthrough)
        return std::nullopt;   // the original is served from its file already
    {
        QMutexLocker lock(&m_mutex);
        if (m_bytes.isEmpty())
            return std::nullopt;   // nothing made: no stat for every segment
    }
    return segmentOf(variantVersionKey(source, variant, x264Preset), index, source.format);
}

std::optional<QString> OptimisedStore::segmentOf(const QString &versionId, int index, SegmentFormat format) const
{
    const QString path = QDir(versionDirectory(versionId)).filePath(optimisedSegmentName(index, format));
    if (QFileInfo::exists(path))
        return path;
    return std::nullopt;
}

bool OptimisedStore::writeManifest(const OptimisedVersion &version)
{
    if (!isVersionId(version.id))
        return false;
    const QString dir = versionDirectory(version.id);
    makeOwnerOnlyDir(m_dir);
    makeOwnerOnlyDir(dir);
    QSaveFile file(QDir(dir).filePath(kManifestName));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(manifestOf(version)).toJson());
    if (!file.commit())
        return false;
    QMutexLocker lock(&m_mutex);
    if (!m_bytes.contains(version.id))
        m_bytes.insert(version.id, 0);
    return true;
}

std::optional<QString> OptimisedStore::adopt(const QString &versionId, int index, const QString &path)
{
    if (!isVersionId(versionId))
        return std::nullopt;
    const SegmentFormat format = path.endsWith(u".ts"_s) ? SegmentFormat::MpegTs : SegmentFormat::Fmp4;
    const QString target = QDir(versionDirectory(versionId)).filePath(optimisedSegmentName(index, format));
    const qint64 size = QFileInfo(path).size();
    const QFileInfo replaced(target);   // a resumed run writes the init again
    const qint64 replacedSize = replaced.exists() ? replaced.size() : 0;
    QFile::remove(target);
    if (!QFile::rename(path, target))
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    m_bytes[versionId] += size - replacedSize;
    return target;
}

void OptimisedStore::remove(const QString &versionId)
{
    if (!isVersionId(versionId))
        return;
    QDir(versionDirectory(versionId)).removeRecursively();
    QMutexLocker lock(&m_mutex);
    m_bytes.remove(versionId);
}

qint64 OptimisedStore::usedBytes() const
{
    QMutexLocker lock(&m_mutex);
    qint64 total = 0;
    for (const qint64 b : m_bytes)
        total += b;
    return total;
}

qint64 OptimisedStore::bytesOf(const QString &versionId) const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes.value(versionId);
}

} // namespace cairn
