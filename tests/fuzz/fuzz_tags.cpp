// Tags, audio properties and lyrics of arbitrary bytes, read the way the scanner reads an audio
// file (core/scan TagLibReader: TagLib picks the format by the extension). The scanner takes a
// path, so each input is written to a file in a RAM-backed directory when there is one.
// Input: the extension on the first line (mp3, flac, ogg, m4a; anything else is mp3), the
// file's bytes after it.

#include "FuzzSupport.h"

#include "LyricsCollector.h"
#include "TagLibReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace cairn;
using namespace Qt::Literals::StringLiterals;

namespace {

const QTemporaryDir &workDir()
{
    static const QTemporaryDir dir(QDir(u"/dev/shm"_s).exists() ? u"/dev/shm/cairn-fuzz-XXXXXX"_s
                                                                   : QDir::temp().filePath(u"cairn-fuzz-XXXXXX"_s));
    return dir;
}

QString extensionOf(QByteArrayView field)
{
    for (const char *known : {"mp3", "flac", "ogg", "m4a"})
        if (field == known)
            return QString::fromLatin1(known);
    return u"mp3"_s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    const QString path = workDir().filePath(u"input."_s + extensionOf(in.field()));
    {
        QFile file(path);
        fuzz::require(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "the work file can be written");
        const QByteArrayView bytes = in.rest();
        fuzz::require(file.write(bytes.data(), bytes.size()) == bytes.size(), "the work file is written whole");
    }
    if (const auto read = taglib::read(path)) {
        fuzz::require(read->track.durationMs > 0 && read->track.sampleRate > 0, "a read track has a duration and a rate");
        fuzz::require(read->lyrics.size() <= LyricsCollector::kMaxTexts, "a bounded number of lyrics");
    }
    return 0;
}
