#pragma once
// A source file's version as its size and modification time: every cache key and validator
// derived from it changes when the file does (previews, subtitles).

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QString>

#include <optional>

namespace cairn {

struct SourceVersion
{
    qint64 size = 0;
    QDateTime mtime;   // UTC

    // nullopt when `path` is not a regular file (any more).
    static std::optional<SourceVersion> of(const QString &path)
    {
        const QFileInfo info(path);
        if (!info.isFile())
            return std::nullopt;
        return SourceVersion{info.size(), info.lastModified().toUTC()};
    }

    // Last-Modified of what is made from it: HTTP dates have whole seconds.
    QDateTime lastModified() const { return QDateTime::fromSecsSinceEpoch(mtime.toSecsSinceEpoch(), Qt::UTC); }
};

// The strong, quoted entity tag of what a cache key (made from a SourceVersion) names.
inline QByteArray entityTagFor(const QByteArray &cacheKey)
{
    return '"' + QCryptographicHash::hash(cacheKey, QCryptographicHash::Sha1).toHex().left(32) + '"';
}

} // namespace cairn
