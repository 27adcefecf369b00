#include "Fmp4Split.h"

#include "base/OwnerOnly.h"

#include <QFile>
#include <QSaveFile>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// ftyp + moov of two tracks is about 1.3 KiB; anything this long is not an init.
constexpr qint64 kLongestInit = 1 << 20;

} // namespace

std::optional<qint64> fmp4InitSize(QByteArrayView head)
{
    qint64 offset = 0;
    while (offset + 8 <= head.size()) {
        const auto *at = reinterpret_cast<const uchar *>(head.data() + offset);
        qint64 size = qFromBigEndian<quint32>(at);
        const QByteArrayView type = head.sliced(offset + 4, 4);
        if (type == "moof")
            return offset > 0 ? std::optional<qint64>(offset) : std::nullopt;
        if (size == 1 && offset + 16 <= head.size())
            size = qint64(qFromBigEndian<quint64>(at + 8));
        if (size < 8 || size > kLongestInit)
            return std::nullopt;   // 0 (to the end) or 1 cut short: never before a moof
        offset += size;
    }
    return std::nullopt;
}

bool splitFmp4Segment(const QString &segmentPath, const QString &initPath, QString *error)
{
    QFile file(segmentPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const QByteArray bytes = file.readAll();
    file.close();
    const auto initSize = fmp4InitSize(bytes);
    if (!initSize) {
        *error = u"not a fragmented MP4 segment"_s;
        return false;
    }
    // QSaveFile writes beside the target, in the owner-only work directory.
    // Every segment of a variant carries the same init; the first one kept serves them all.
    if (!QFile::exists(initPath)) {
        QSaveFile init(initPath);
        if (!init.open(QIODevice::WriteOnly) || init.write(bytes.first(*initSize)) != *initSize || !init.commit()) {
            *error = init.errorString();
            return false;
        }
        restrictFileToOwner(initPath);
    }
    QSaveFile media(segmentPath);
    const QByteArrayView rest = QByteArrayView(bytes).sliced(*initSize);
    if (!media.open(QIODevice::WriteOnly) || media.write(rest.data(), rest.size()) != rest.size() || !media.commit()) {
        *error = media.errorString();
        return false;
    }
    restrictFileToOwner(segmentPath);
    return true;
}

} // namespace cairn
