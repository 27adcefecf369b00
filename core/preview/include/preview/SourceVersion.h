#pragma once
// A source file's version as its size and modification time: every cache key and validator
// derived from it changes when the file does.

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
};

} // namespace cairn
